package io.fdl.runtime.fdl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code flow.args} (fdl.md §3): record types, inputs in document order, and the result shape.
 * Built-in inputs ({@code tenantId}, {@code buCode}) are not listed in {@link #in()}.
 */
public record Args(Map<String, RecordDef> defs, List<InputDecl> in, OutSpec out) {
    public static final Args EMPTY = new Args(Map.of(), List.of(), OutSpec.Absent.INSTANCE);

    public Args {
        defs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defs));
        in = List.copyOf(in);
    }
}
