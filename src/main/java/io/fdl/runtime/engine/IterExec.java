package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.fdl.Node;
import io.fdl.runtime.fdl.Script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An each or loop node (§10): evaluates its source / variables once, then runs its body block
 * once per item (each) or while {@code when} holds (loop), strictly one iteration after the other,
 * each in a fresh iteration scope; finally {@code sets} and {@code with} in the each/loop scope.
 * It does not hold a running-node slot while its body runs (the body's nodes do), so nested
 * containers can never starve their own bodies.
 */
final class IterExec extends NodeExec {
    private final Node.Each each;
    private final Node.Loop loop;
    private Scope ownScope;
    private List<JsonNode> items;
    /** Bytes charged for the item list (references; the items belong to the source value). */
    private long itemBytes;
    private int iteration;
    private BlockRun body;

    IterExec(BlockRun block, CompiledNode node, long startedAt) {
        super(block, node, startedAt);
        this.each = node.def() instanceof Node.Each e ? e : null;
        this.loop = node.def() instanceof Node.Loop l ? l : null;
    }

    @Override boolean usesSlot() { return false; }

    @Override
    void start() {
        if (each != null) {
            JsonNode src = Eval.eval(each.source().source(), block.scope);
            items = itemsOf(src, each.source().source());
            if (items.size() > run.limits.maxIterations()) {
                throw new NodeFailure("ITERATION_LIMIT", "each over " + items.size() + " items exceeds the limit of "
                        + run.limits.maxIterations() + " iterations");
            }
            itemBytes = 8L * items.size();
            run.budget.charge(itemBytes);
        }
        ownScope = new Scope(block.scope, Map.of(), run.budget);
        Script vars = each != null ? each.vars() : loop.vars();
        if (vars != null) {
            JsonNode v = Eval.eval(vars, block.scope);
            if (v instanceof ObjectNode o) o.fields().forEachRemaining(f -> ownScope.putVar(f.getKey(), f.getValue()));
        }
        nextIteration();
    }

    private static List<JsonNode> itemsOf(JsonNode src, Script field) {
        List<JsonNode> out = new ArrayList<>();
        if (src.isNull() || src.isMissingNode()) return out;
        if (src.isArray()) {
            src.forEach(out::add);
        } else if (src.isObject()) {
            src.fields().forEachRemaining(e -> {
                ObjectNode kv = JsonNodeFactory.instance.objectNode();
                kv.put("key", e.getKey());
                kv.set("val", e.getValue());
                out.add(kv);
            });
        } else {
            throw new NodeFailure("EVAL_ERROR", field.field() + ": each source must be an array, an object or null, got "
                    + ToolExec.typeName(src));
        }
        return out;
    }

    private void nextIteration() {
        if (done) return;
        run.budget.step();
        Map<String, JsonNode> fixed;
        if (each != null) {
            if (iteration >= items.size()) { finish(); return; }
            fixed = new HashMap<>(4);
            fixed.put(each.source().alias(), items.get(iteration));
            if (each.source().index() != null) fixed.put(each.source().index(), IntNode.valueOf(iteration));
        } else {
            if (!Eval.truthy(Eval.eval(loop.when(), ownScope))) { finish(); return; }
            if (iteration >= run.limits.maxIterations()) {
                throw new NodeFailure("ITERATION_LIMIT", "loop reached the limit of " + run.limits.maxIterations() + " iterations");
            }
            fixed = Map.of();
        }
        List<Integer> its = new ArrayList<>(block.iterations.size() + 1);
        its.addAll(block.iterations);
        its.add(iteration);
        body = new BlockRun(run, node.body(), new Scope(ownScope, fixed, run.budget), this, block.pathPrefix + node.id() + "/",
                block.indexedPrefix + node.id() + "[" + iteration + "]/", List.copyOf(its));
        iteration++;
        body.start();
    }

    /** The current iteration's block resolved every node: discard its scope, go on. */
    void bodyCompleted(BlockRun finished) {
        if (done || finished != body) return;
        body = null;
        try {
            nextIteration();
        } catch (NodeFailure f) {
            fail(new ErrorInfo(f.code(), f.getMessage(), path()));
        }
    }

    /** §10.5: the iteration is already abandoned; the node fails with the same error (origin path kept). */
    void bodyFailed(ErrorInfo error) {
        body = null;
        fail(error);
    }

    private void finish() {
        Script sets = each != null ? each.sets() : loop.sets();
        Script with = each != null ? each.with() : loop.with();
        Runnable undo = Eval.applySets(sets, ownScope, ownScope);
        JsonNode value;
        try {
            value = with == null ? null : Eval.eval(with, ownScope);
        } catch (NodeFailure f) {
            if (undo != null) undo.run(); // a failed node changes no variable
            throw f;
        }
        complete(value, with != null);
    }

    /** Also runs when the node completes or fails: its variables and items are released then. */
    @Override
    void cancelPending() {
        if (body != null) {
            BlockRun b = body;
            body = null;
            b.abandon();
        }
        if (ownScope != null) ownScope.release();
        run.budget.release(itemBytes);
        itemBytes = 0;
    }

    @Override
    void describe(ObjectNode into) {
        into.put("iteration", iteration - 1);
        if (items != null) into.put("items", items.size());
        if (ownScope != null) {
            ObjectNode v = into.putObject("vars");
            ownScope.vars.forEach(v::set);
        }
        if (body != null) into.set("body", RunSnapshot.block(body));
    }
}
