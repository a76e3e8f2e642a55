package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.fdl.Script;
import io.fdl.runtime.fdl.SourcePos;
import io.fdl.runtime.gml.GmlContext;
import io.fdl.runtime.gml.GmlException;

/** GML evaluation inside nodes: errors become node failures whose message names field, line and column (§8.4). */
final class Eval {
    private Eval() {}

    static JsonNode eval(Script script, GmlContext ctx) {
        try {
            JsonNode v = script.compiled().evaluate(ctx);
            return v == null ? NullNode.instance : v;
        } catch (GmlException e) {
            throw failure(script, e);
        }
    }

    static NodeFailure failure(Script script, GmlException e) {
        SourcePos p = script.locate(e.line(), e.column());
        if (p == null || p.line() == 0) p = new SourcePos(e.line(), e.column());
        return new NodeFailure(e.limitExceeded() ? "LIMIT_EXCEEDED" : "EVAL_ERROR",
                script.field() + " (line " + p.line() + ", column " + p.column() + "): " + e.getMessage());
    }

    /** gml.md §2.3: null, false, 0, 0.0, '', [], {} are falsy. */
    static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return false;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isNumber()) return v.doubleValue() != 0;
        if (v.isTextual()) return !v.textValue().isEmpty();
        if (v.isContainerNode()) return v.size() > 0;
        return true;
    }

    /**
     * {@code sets} (fdl.md §5.4): evaluate the whole script, then assign every field to the
     * innermost visible variable of that name. Returns how to undo the assignments (used when a
     * later phase of the same node fails: a failed node changes no variable), or null.
     */
    static Runnable applySets(Script sets, GmlContext ctx, Scope scope) {
        if (sets == null) return null;
        JsonNode v = eval(sets, ctx);
        if (v.isNull()) return null;
        if (!(v instanceof ObjectNode o)) {
            throw new NodeFailure("EVAL_ERROR", sets.field() + ": must consist of assignments only");
        }
        // resolve every target before assigning anything: a bad target changes nothing
        int n = o.size();
        Scope[] owners = new Scope[n];
        String[] names = new String[n];
        JsonNode[] old = new JsonNode[n];
        int i = 0;
        for (var it = o.fieldNames(); it.hasNext(); i++) {
            String name = it.next();
            Scope owner = scope.owner(name);
            if (owner == null) throw new NodeFailure("EVAL_ERROR", sets.field() + ": '" + name + "' is not a variable in scope");
            owners[i] = owner;
            names[i] = name;
            old[i] = owner.vars.get(name);
        }
        i = 0;
        for (var it = o.elements(); it.hasNext(); i++) owners[i].putVar(names[i], it.next());
        return () -> {
            for (int k = 0; k < n; k++) owners[k].putVar(names[k], old[k]);
        };
    }
}
