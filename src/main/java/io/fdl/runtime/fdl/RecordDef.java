package io.fdl.runtime.fdl;

import java.util.List;

/** A named record type of {@code args.defs} (fdl.md §3.2): fields in declaration order. */
public record RecordDef(String name, List<FieldDecl> fields, SourcePos pos) {
    public RecordDef {
        fields = List.copyOf(fields);
    }
}
