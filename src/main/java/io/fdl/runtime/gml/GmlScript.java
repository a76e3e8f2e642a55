package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/** A compiled GML script: immutable, safe to evaluate concurrently from many threads. */
public interface GmlScript {

    /** Evaluates against a context; throws {@link GmlException} (kind EVALUATION) on error. Never returns Java null. */
    JsonNode evaluate(GmlContext context);

    /** The source text as compiled. */
    String source();

    /** The top-level items in order (gml.md §5.1); used by FDL to check `vars`/`sets` form. */
    List<ScriptItem> items();

    /**
     * Identifiers this script may read from the context (free names: not lambda parameters, not
     * names assigned earlier in the script). Used by FDL warnings such as READS_NO_VALUE.
     */
    Set<String> freeNames();

    /** True when every item is an assignment (`name = e`, `'k' = e`) or a temporary (`$t = e`). */
    default boolean isAssignmentsOnly() {
        return items().stream().allMatch(i -> i.kind() == ScriptItem.Kind.ASSIGN || i.kind() == ScriptItem.Kind.TEMP);
    }

    /** One top-level item: its kind, the assigned field name (ASSIGN/COMPACT) or temp name, and its position. */
    record ScriptItem(Kind kind, String name, int line, int column) {
        public enum Kind { ASSIGN, TEMP, SPREAD, COMPACT, EXPRESSION, RETURN }
    }
}
