package io.fdl.runtime.fdl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One node of a block (fdl.md §6). The kind is inferred from the keys; one record per kind.
 * Jump lists ({@code next}, {@code then}, {@code else}, case targets, {@code fail}) are never null
 * (empty when absent); optional GML fields are null when absent.
 */
public sealed interface Node permits Node.ToolCall, Node.Mapping, Node.Condition, Node.Case, Node.Wait,
        Node.Each, Node.Loop {

    enum Kind { TOOL_CALL, MAPPING, CONDITION, CASE, WAIT, EACH, LOOP }

    /** Node id, unique in the whole document. */
    String id();

    /** Display name, or null. */
    String name();

    /** Description, or null. */
    String desp();

    /** Position of the node's key. */
    SourcePos pos();

    Kind kind();

    /** The {@code only} guard, or null (conditions and cases have none). */
    default Script only() {
        return null;
    }

    /** {@code next} targets. */
    default List<String> next() {
        return List.of();
    }

    /** {@code fail} targets (tool call, mapping, each, loop). */
    default List<String> fail() {
        return List.of();
    }

    /** True when the node publishes a value when it completes (§7.5). */
    default boolean publishesValue() {
        return true;
    }

    /**
     * Every distinct target of this node's jumps, in the order next, then, else, case entries, fail.
     * Each target is an edge of the block graph (several jumps to one target form one edge, §7.1).
     */
    default List<String> targets() {
        Set<String> all = new LinkedHashSet<>(next());
        if (this instanceof Condition c) {
            all.addAll(c.then());
            all.addAll(c.elseTargets());
        } else if (this instanceof Case c) {
            for (CaseEntry e : c.entries()) all.addAll(e.then());
            all.addAll(c.elseTargets());
        }
        all.addAll(fail());
        return new ArrayList<>(all);
    }

    /** True for top-level terminal nodes in the sense of §11.1: no next, then, else or case. */
    default boolean isTerminal() {
        return next().isEmpty() && !(this instanceof Condition) && !(this instanceof Case);
    }

    /** Tool call (§6.3). {@code with} null → the raw result is the value. */
    record ToolCall(String id, String name, String desp, SourcePos pos, ExecUri exec, Script args, Script with,
                    Script sets, Script only, List<String> next, List<String> fail) implements Node {
        public ToolCall {
            next = List.copyOf(next);
            fail = List.copyOf(fail);
        }

        @Override public Kind kind() { return Kind.TOOL_CALL; }
    }

    /** Mapping (§6.4). */
    record Mapping(String id, String name, String desp, SourcePos pos, Script with, Script sets, Script only,
                   List<String> next, List<String> fail) implements Node {
        public Mapping {
            next = List.copyOf(next);
            fail = List.copyOf(fail);
        }

        @Override public Kind kind() { return Kind.MAPPING; }
    }

    /** Condition (§6.5); publishes no value. */
    record Condition(String id, String name, String desp, SourcePos pos, Script when, List<String> then,
                     List<String> elseTargets) implements Node {
        public Condition {
            then = List.copyOf(then);
            elseTargets = List.copyOf(elseTargets);
        }

        @Override public Kind kind() { return Kind.CONDITION; }
        @Override public boolean publishesValue() { return false; }
    }

    /** Case (§6.6): entries tested in order; publishes no value. */
    record Case(String id, String name, String desp, SourcePos pos, List<CaseEntry> entries,
                List<String> elseTargets) implements Node {
        public Case {
            entries = List.copyOf(entries);
            elseTargets = List.copyOf(elseTargets);
        }

        @Override public Kind kind() { return Kind.CASE; }
        @Override public boolean publishesValue() { return false; }
    }

    /** One {@code {when, then}} entry of a case node. */
    record CaseEntry(Script when, List<String> then, SourcePos pos) {
        public CaseEntry {
            then = List.copyOf(then);
        }
    }

    /** Wait (§6.7): a literal duration in milliseconds; publishes no value. */
    record Wait(String id, String name, String desp, SourcePos pos, long durationMs, Script only,
                List<String> next) implements Node {
        public Wait {
            next = List.copyOf(next);
        }

        @Override public Kind kind() { return Kind.WAIT; }
        @Override public boolean publishesValue() { return false; }
    }

    /**
     * Each (§6.8, §10.2): iterates {@code source} sequentially running {@code body}; {@code vars}
     * (assignments, may be null) live in the each scope; publishes only with {@code with}.
     */
    record Each(String id, String name, String desp, SourcePos pos, EachSource source, Script vars, Block body,
                Script with, Script sets, Script only, List<String> next, List<String> fail) implements Node {
        public Each {
            next = List.copyOf(next);
            fail = List.copyOf(fail);
        }

        @Override public Kind kind() { return Kind.EACH; }
        @Override public boolean publishesValue() { return with != null; }
    }

    /**
     * The parsed {@code each} value {@code <source> => <alias>[, <index>]}.
     *
     * @param source the source expression
     * @param alias  the item name
     * @param index  the 0-based index name, or null
     */
    record EachSource(Script source, String alias, String index, SourcePos pos) {}

    /** Loop (§6.9, §10.3): {@code vars} evaluated once, {@code when} checked before every iteration. */
    record Loop(String id, String name, String desp, SourcePos pos, Script vars, Script when, Block body,
                Script with, Script sets, Script only, List<String> next, List<String> fail) implements Node {
        public Loop {
            next = List.copyOf(next);
            fail = List.copyOf(fail);
        }

        @Override public Kind kind() { return Kind.LOOP; }
        @Override public boolean publishesValue() { return with != null; }
    }
}
