package io.fdl.runtime.engine;

import io.fdl.runtime.fdl.Node;

/**
 * One node of a {@link CompiledBlock}: the fdl definition plus its jumps as indexes into the
 * block's node array.
 *
 * @param def      the validated definition (kind, GML fields, exec URI…)
 * @param index    position in the block (document order)
 * @param next     {@code next} targets
 * @param then     condition {@code then} targets
 * @param orElse   condition/case {@code else} targets
 * @param caseThen case entry targets, one array per entry
 * @param fail     {@code fail} targets (empty: no handler)
 * @param succ     every distinct target (the node's outgoing edges)
 * @param edgeBase index of the first outgoing edge in the block's edge array ({@code edgeBase + j} for {@code succ[j]})
 * @param body     the compiled body of an each/loop node, else null
 */
public record CompiledNode(Node def, int index, int[] next, int[] then, int[] orElse, int[][] caseThen, int[] fail,
                           int[] succ, int edgeBase, CompiledBlock body) {

    public String id() { return def.id(); }

    public boolean hasFail() { return fail.length > 0; }

    /** fdl.md §11.1: no next, then, else or case ({@code fail} does not count). */
    public boolean terminal() { return def.isTerminal(); }

    public String kindName() {
        return switch (def.kind()) {
            case TOOL_CALL -> "tool";
            case MAPPING -> "mapping";
            case CONDITION -> "condition";
            case CASE -> "case";
            case WAIT -> "wait";
            case EACH -> "each";
            case LOOP -> "loop";
        };
    }
}
