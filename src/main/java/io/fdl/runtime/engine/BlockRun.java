package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.fdl.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * One execution of a block (the top level, or one iteration of an each/loop body): node states,
 * edge states and the readiness bookkeeping of fdl.md §7.3–7.4, plus the instant node kinds
 * (mapping, condition, case). Confined to the run's serial queue.
 */
final class BlockRun {
    static final byte WAITING = 0, READY = 1, RUNNING = 2, COMPLETED = 3, SKIPPED = 4, HANDLED = 5, FAILED = 6,
            DEAD = 7, CANCELLED = 8;
    static final byte EDGE_PENDING = 0, EDGE_LIVE = 1, EDGE_DEAD = 2;
    static final String[] STATE_NAMES = {"waiting", "ready", "running", "completed", "skipped", "handled", "failed", "dead", "cancelled"};
    private static final int[] NONE = new int[0];

    final Run run;
    final CompiledBlock block;
    final Scope scope;
    /** The each/loop execution this body iteration belongs to; null for the top level. */
    final IterExec owner;
    /** {@code a/b/} — prefix of node paths without indexes (events, records, run errors). */
    final String pathPrefix;
    /** {@code a[0]/b[2]/} — prefix with iteration indexes (idempotency keys, call records). */
    final String indexedPrefix;
    final List<Integer> iterations;

    final byte[] state;
    final byte[] edges;
    private final int[] pendingIn;
    private final int[] liveIn;
    private int unresolved;
    boolean active = true;
    final List<NodeExec> running = new ArrayList<>(2);

    BlockRun(Run run, CompiledBlock block, Scope scope, IterExec owner, String pathPrefix, String indexedPrefix,
             List<Integer> iterations) {
        this.run = run;
        this.block = block;
        this.scope = scope;
        this.owner = owner;
        this.pathPrefix = pathPrefix;
        this.indexedPrefix = indexedPrefix;
        this.iterations = iterations;
        int n = block.size();
        this.state = new byte[n];
        this.edges = new byte[block.edgeCount()];
        this.pendingIn = new int[n];
        this.liveIn = new int[n];
        for (int i = 0; i < n; i++) pendingIn[i] = block.predCount(i);
        this.unresolved = n;
    }

    boolean isTop() { return owner == null; }

    int resolvedCount() { return block.size() - unresolved; }

    String path(CompiledNode n) { return pathPrefix + n.id(); }

    String indexedPath(CompiledNode n) { return indexedPrefix + n.id(); }

    /** All start nodes become ready at once (§7.2). */
    void start() {
        if (block.size() == 0) { complete(); return; }
        for (int s : block.startNodes()) makeReady(s);
    }

    private void makeReady(int i) {
        state[i] = READY;
        run.enqueueReady(this, i);
    }

    /** Called by the run's pump when a slot is free. */
    void startNode(int i) {
        CompiledNode n = block.node(i);
        run.budget.step();
        long now = run.now();
        state[i] = RUNNING;
        try {
            if (n.def().only() != null && !Eval.truthy(Eval.eval(n.def().only(), scope))) {
                state[i] = SKIPPED;
                run.record(this, n, "skipped", now, now, 0, null);
                if (run.events()) run.emitNode(ExecutionEvent.Type.NODE_SKIPPED, this, n, run.data().put("reason", "only"));
                resolve(i, n.next());
                return;
            }
        } catch (NodeFailure f) {
            run.emitStarted(this, n);
            nodeFailed(i, null, new ErrorInfo(f.code(), f.getMessage(), path(n)), now);
            return;
        }
        run.emitStarted(this, n);
        Node def = n.def();
        if (def instanceof Node.Mapping m) runMapping(i, n, m, now);
        else if (def instanceof Node.Condition c) runCondition(i, n, c, now);
        else if (def instanceof Node.Case c) runCase(i, n, c, now);
        else if (def instanceof Node.ToolCall t) launch(new ToolExec(this, n, t, now));
        else if (def instanceof Node.Wait w) launch(new WaitExec(this, n, w, now));
        else launch(new IterExec(this, n, now)); // each, loop
    }

    private void launch(NodeExec exec) {
        running.add(exec);
        run.activate(exec);
        try {
            exec.start();
        } catch (NodeFailure f) {
            exec.fail(new ErrorInfo(f.code(), f.getMessage(), path(exec.node)));
        }
    }

    private void runMapping(int i, CompiledNode n, Node.Mapping m, long start) {
        try {
            // inside sets the node's own id is null (§6.4); with sees the updated variables
            Runnable undo = m.sets() == null ? null : Eval.applySets(m.sets(), scope.with(n.id(), NullNode.instance), scope);
            JsonNode v;
            try {
                v = Eval.eval(m.with(), scope);
            } catch (NodeFailure f) {
                if (undo != null) undo.run(); // a failed node changes no variable (§8.2: sets and with are not applied)
                throw f;
            }
            completed(i, n, v, true, start, 0, n.next());
        } catch (NodeFailure f) {
            nodeFailed(i, null, new ErrorInfo(f.code(), f.getMessage(), path(n)), start);
        }
    }

    private void runCondition(int i, CompiledNode n, Node.Condition c, long start) {
        boolean yes;
        try {
            yes = Eval.truthy(Eval.eval(c.when(), scope));
        } catch (NodeFailure f) {
            nodeFailed(i, null, new ErrorInfo(f.code(), f.getMessage(), path(n)), start);
            return;
        }
        completedNoValue(i, n, start, yes ? "then" : "else", yes ? n.then() : n.orElse());
    }

    private void runCase(int i, CompiledNode n, Node.Case c, long start) {
        try {
            for (int k = 0; k < c.entries().size(); k++) {
                if (Eval.truthy(Eval.eval(c.entries().get(k).when(), scope))) {
                    completedNoValue(i, n, start, "case[" + k + "]", n.caseThen()[k]);
                    return;
                }
            }
        } catch (NodeFailure f) {
            nodeFailed(i, null, new ErrorInfo(f.code(), f.getMessage(), path(n)), start);
            return;
        }
        completedNoValue(i, n, start, "else", n.orElse());
    }

    private void completedNoValue(int i, CompiledNode n, long start, String branch, int[] live) {
        state[i] = COMPLETED;
        long end = run.now();
        run.record(this, n, "completed", start, end, 0, null);
        if (run.events()) {
            ObjectNode d = run.data();
            d.putNull("output");
            d.put("duration_ms", end - start);
            d.put("branch", branch);
            run.emitNode(ExecutionEvent.Type.NODE_COMPLETED, this, n, d);
        }
        resolve(i, live);
    }

    /** The node ran to its end: publish (when it has a value), record, resolve its next edges. */
    void completed(int i, CompiledNode n, JsonNode value, boolean publish, long start, int attempts, int[] live) {
        state[i] = COMPLETED;
        if (publish) scope.putNode(n.id(), value);
        long end = run.now();
        run.record(this, n, "completed", start, end, attempts, null);
        if (run.events()) {
            ObjectNode d = run.data();
            run.putOutput(d, publish ? value : null);
            d.put("duration_ms", end - start);
            run.emitNode(ExecutionEvent.Type.NODE_COMPLETED, this, n, d);
        }
        resolve(i, live);
    }

    /**
     * A node failed (§8.2–8.3). With {@code fail}: publish {@code {error: {code, message}}}, fail edges
     * live. Without: the block fails and the error travels up unchanged (its node path included).
     */
    void nodeFailed(int i, NodeExec exec, ErrorInfo err, long start) {
        CompiledNode n = block.node(i);
        if (exec != null) running.remove(exec);
        long end = run.now();
        int attempts = exec == null ? 0 : exec.attempts;
        if (n.hasFail()) {
            state[i] = HANDLED;
            ObjectNode v = JsonNodeFactory.instance.objectNode();
            v.set("error", err.toCodeMessage());
            scope.putNode(n.id(), v);
            run.record(this, n, "handled", start, end, attempts, err);
            if (run.events()) {
                ObjectNode d = run.data();
                d.set("error", err.toCodeMessage());
                d.put("handled", true);
                run.emitNode(ExecutionEvent.Type.NODE_FAILED, this, n, d);
            }
            resolve(i, n.fail());
            return;
        }
        state[i] = FAILED;
        unresolved--;
        run.record(this, n, "failed", start, end, attempts, err);
        if (run.events()) {
            ObjectNode d = run.data();
            d.set("error", err.toCodeMessage());
            d.put("handled", false);
            run.emitNode(ExecutionEvent.Type.NODE_FAILED, this, n, d);
        }
        if (isTop()) run.topResolved();
        abandon();
        if (owner == null) run.fail(err);
        else owner.bodyFailed(err);
    }

    /**
     * Resolves node i: every outgoing edge becomes live (target in {@code live}) or dead; targets
     * whose incoming edges are all resolved become ready (some live) or dead (none live), and dead
     * nodes propagate dead edges at once (§7.4). Iterative: long dead chains do not recurse.
     */
    void resolve(int i, int[] live) {
        int[] stack = null;
        int sp = 0;
        int cur = i;
        int[] curLive = live;
        while (true) {
            unresolved--;
            CompiledNode n = block.node(cur);
            int[] succ = n.succ();
            for (int j = 0; j < succ.length; j++) {
                int t = succ[j];
                boolean isLive = contains(curLive, t);
                edges[n.edgeBase() + j] = isLive ? EDGE_LIVE : EDGE_DEAD;
                if (isLive) liveIn[t]++;
                if (--pendingIn[t] == 0) {
                    if (liveIn[t] > 0) {
                        makeReady(t);
                    } else {
                        if (stack == null) stack = new int[block.size()];
                        stack[sp++] = t;
                    }
                }
            }
            if (sp == 0) break;
            cur = stack[--sp];
            curLive = NONE;
            state[cur] = DEAD;
            CompiledNode d = block.node(cur);
            run.record(this, d, "dead", null, null, 0, null);
            if (run.events()) run.emitNode(ExecutionEvent.Type.NODE_SKIPPED, this, d, run.data().put("reason", "dead"));
        }
        if (isTop()) run.topResolved();
        if (unresolved == 0 && active) complete();
    }

    private void complete() {
        active = false;
        if (owner == null) run.topCompleted();
        else {
            scope.release(); // the iteration's values are gone once it completed
            owner.bodyCompleted(this);
        }
    }

    /** Stops this block: running nodes are cancelled (timers, in-flight calls, nested bodies). */
    void abandon() {
        active = false;
        if (owner != null) scope.release();
        for (NodeExec e : new ArrayList<>(running)) {
            e.abandon();
            state[e.node.index()] = CANCELLED;
        }
        running.clear();
    }

    /** Ends a node execution: frees its slot and its place in the running lists. */
    void finished(NodeExec exec) {
        running.remove(exec);
        run.deactivate(exec);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }
}
