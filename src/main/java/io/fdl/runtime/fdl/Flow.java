package io.fdl.runtime.fdl;

/**
 * A validated flow (fdl.md §2.1): the result of parsing FDL YAML or the editor's JSON graph.
 * Immutable and safe to share between runs.
 *
 * @param name  required display name
 * @param desp  description, or null
 * @param args  inputs, defs and out ({@link Args#EMPTY} when absent)
 * @param vars  flow variables (assignments only), or null
 * @param block the top-level block
 * @param pos   position of the {@code flow} key
 * @param ids   editor node ids that were renamed to valid names ({@link NodeIds#NONE} for YAML)
 */
public record Flow(String name, String desp, Args args, Script vars, Block block, SourcePos pos, NodeIds ids) {

    public Flow(String name, String desp, Args args, Script vars, Block block, SourcePos pos) {
        this(name, desp, args, vars, block, pos, NodeIds.NONE);
    }

    public Flow {
        if (ids == null) ids = NodeIds.NONE;
    }

    Flow withIds(NodeIds nodeIds) {
        return new Flow(name, desp, args, vars, block, pos, nodeIds);
    }

    /** The flow variable names in assignment order. */
    public java.util.List<String> varNames() {
        return vars == null ? java.util.List.of() : vars.assignedNames();
    }
}
