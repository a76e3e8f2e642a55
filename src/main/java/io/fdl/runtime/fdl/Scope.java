package io.fdl.runtime.fdl;

import java.util.LinkedHashMap;
import java.util.Map;

/** A name scope of fdl.md §5.1 used by validation (NAME_CONFLICT, SETS_TARGET, READS_NO_VALUE). */
final class Scope {
    enum Kind { BUILTIN, INPUT, FLOW_VAR, BLOCK_VAR, ALIAS, INDEX, NODE }

    static final class Name {
        final Kind kind;
        final String ownerNode;
        /** For nodes: false when the node publishes nothing (condition, case, wait, each/loop without with). */
        boolean hasValue = true;
        String nodeKind = "node";

        Name(Kind kind, String ownerNode) {
            this.kind = kind;
            this.ownerNode = ownerNode;
        }

        String describe() {
            return switch (kind) {
                case BUILTIN -> "built-in input";
                case INPUT -> "input";
                case FLOW_VAR -> "flow variable";
                case BLOCK_VAR -> "variable of '" + ownerNode + "'";
                case ALIAS -> "alias of '" + ownerNode + "'";
                case INDEX -> "index of '" + ownerNode + "'";
                case NODE -> "node id";
            };
        }
    }

    final Scope parent;
    private final Map<String, Name> names = new LinkedHashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Name lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Name n = s.names.get(name);
            if (n != null) return n;
        }
        return null;
    }

    /** Declares a name; returns a conflict message or null. Conflicting names are not re-declared. */
    String declare(String name, Name info) {
        Name here = names.get(name);
        if (here != null) return "'" + name + "' is already declared in this scope (" + here.describe() + ")";
        for (Scope s = parent; s != null; s = s.parent) {
            Name outer = s.names.get(name);
            if (outer != null) return "'" + name + "' reuses the name of an enclosing " + outer.describe();
        }
        names.put(name, info);
        return null;
    }
}
