package io.fdl.runtime.fdl;

import java.util.List;

/** {@code args.out} (fdl.md §3.4, §11.2): absent, a type, or an ordered field map. */
public sealed interface OutSpec {

    /** No {@code out}: the result is returned unchanged. */
    record Absent() implements OutSpec {
        public static final Absent INSTANCE = new Absent();
    }

    /** {@code out: <type>}: the result is coerced and checked against the type. */
    record Type(TypeRef type, SourcePos pos) implements OutSpec {}

    /** {@code out: {field: type, ...}}: the result is trimmed to exactly these fields, in this order. */
    record Fields(List<FieldDecl> fields, SourcePos pos) implements OutSpec {
        public Fields {
            fields = List.copyOf(fields);
        }
    }
}
