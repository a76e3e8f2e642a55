package io.fdl.runtime.tools.db;

/**
 * One column of a table as read from information_schema.
 *
 * @param name        column name as stored (snake_case)
 * @param kind        binding/reading category
 * @param udtSchema   schema of the column's type (for casts of {@link ColumnKind#OTHER})
 * @param udtName     type name, e.g. {@code int4}, {@code _text}, {@code order_status}
 * @param elementKind for arrays, the kind of the elements; otherwise null
 */
public record ColumnInfo(String name, ColumnKind kind, String udtSchema, String udtName, ColumnKind elementKind) {

    public static ColumnInfo of(String name, String udtSchema, String udtName) {
        ColumnKind kind = ColumnKind.fromUdt(udtName);
        ColumnKind element = kind == ColumnKind.ARRAY ? ColumnKind.fromUdt(udtName.substring(1)) : null;
        return new ColumnInfo(name, kind, udtSchema, udtName, element);
    }

    /** SQL for parameter {@code $n} bound to this column: types the client cannot encode go as text plus a cast. */
    String placeholder(int n) {
        boolean cast = kind == ColumnKind.OTHER || (kind == ColumnKind.ARRAY && elementKind == ColumnKind.OTHER);
        if (!cast) return "$" + n;
        return "CAST($" + n + "::text AS " + Names.quote(udtSchema) + "." + Names.quote(udtName) + ")";
    }

    /** The column as an SQL expression. */
    String sql() {
        return Names.quote(name);
    }
}
