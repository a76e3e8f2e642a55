package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.gml.GmlContext;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One level of names (fdl.md §5.1): the top level (inputs, flow variables, top-level node values),
 * an each/loop scope (its variables) or an iteration scope (alias, index, body node values).
 * Lookup goes innermost first; names never repeat across levels (NAME_CONFLICT at save), so the
 * order only matters for {@code $}. Mutated only on the run's serial context.
 */
final class Scope implements GmlContext {
    final Scope parent;
    /** Read-only names: inputs at the top level, alias and index in an iteration scope. */
    final Map<String, JsonNode> fixed;
    /** Variables that {@code sets} may assign. */
    final LinkedHashMap<String, JsonNode> vars = new LinkedHashMap<>();
    /** Published node values of this level. */
    final HashMap<String, JsonNode> nodes = new HashMap<>();
    private final RunBudget budget;
    /** Estimated bytes of each variable's value (so a reassignment gives back the old size without re-walking it). */
    private final HashMap<String, Long> varBytes = new HashMap<>();
    /** Estimated bytes this scope holds in its run's budget. */
    private long bytes;

    Scope(Scope parent, Map<String, JsonNode> fixed, RunBudget budget) {
        this.parent = parent;
        this.fixed = fixed;
        this.budget = budget;
    }

    /** Sets a variable, charging its estimated size to the run (RunLimitExceeded when it does not fit). */
    void putVar(String name, JsonNode value) {
        Long old = varBytes.get(name);
        long freed = old == null ? 0 : old;
        long size = budget.sizeOf(value, freed);
        budget.charge(size - freed);
        bytes += size - freed;
        varBytes.put(name, size);
        vars.put(name, value);
    }

    /** Publishes a node value (once per node and block execution), charging it to the run. */
    void putNode(String id, JsonNode value) {
        long size = budget.sizeOf(value, 0);
        budget.charge(size);
        bytes += size;
        nodes.put(id, value);
    }

    /** Charges values this scope keeps outside its maps (the fixed names of the top level). */
    void hold(long size) {
        budget.charge(size);
        bytes += size;
    }

    /** The scope is discarded (iteration done, each/loop finished): its bytes go back to the run. Idempotent. */
    void release() {
        budget.release(bytes);
        bytes = 0;
    }

    @Override
    public JsonNode get(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            JsonNode v = s.nodes.get(name);
            if (v != null) return v;
            v = s.vars.get(name);
            if (v != null) return v;
            v = s.fixed.get(name);
            if (v != null) return v;
        }
        return null;
    }

    @Override
    public ObjectNode root() {
        ObjectNode o = parent == null ? JsonNodeFactory.instance.objectNode() : parent.root();
        fixed.forEach(o::set);
        vars.forEach(o::set);
        nodes.forEach(o::set);
        return o;
    }

    /** The innermost scope declaring variable {@code name}, or null. */
    Scope owner(String name) {
        for (Scope s = this; s != null; s = s.parent) if (s.vars.containsKey(name)) return s;
        return null;
    }

    /** A context that sees this scope plus one extra name (a tool node's own id → raw result). */
    GmlContext with(String name, JsonNode value) {
        Scope self = this;
        return new GmlContext() {
            @Override public JsonNode get(String n) { return n.equals(name) ? value : self.get(n); }
            @Override public ObjectNode root() { ObjectNode o = self.root(); o.set(name, value); return o; }
        };
    }

    /** A context where the fields of {@code args} take precedence (exec URI interpolation, fdl.md §9.2). */
    GmlContext withFields(ObjectNode args) {
        Scope self = this;
        return new GmlContext() {
            @Override public JsonNode get(String n) { JsonNode v = args.get(n); return v != null ? v : self.get(n); }
            @Override public ObjectNode root() { ObjectNode o = self.root(); o.setAll(args); return o; }
        };
    }
}
