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
 */
public record Flow(String name, String desp, Args args, Script vars, Block block, SourcePos pos) {

    /** The flow variable names in assignment order. */
    public java.util.List<String> varNames() {
        return vars == null ? java.util.List.of() : vars.assignedNames();
    }
}
