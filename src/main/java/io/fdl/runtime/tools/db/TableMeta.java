package io.fdl.runtime.tools.db;

import io.fdl.runtime.engine.port.ToolException;

import java.util.List;
import java.util.Map;

/**
 * The real columns and primary key of one table, read once from information_schema and cached.
 * Every identifier that reaches SQL is resolved through this class.
 */
public record TableMeta(String schema, String table, Map<String, ColumnInfo> columns, List<String> primaryKey) {

    /** Schema-qualified, quoted table name. */
    public String qualifiedName() {
        return Names.quote(schema) + "." + Names.quote(table);
    }

    /** Resolves a field (camelCase or snake_case) to a column; unknown or malformed → BAD_ARGS. */
    public ColumnInfo column(String field, String where) {
        if (field == null || !Names.IDENT.matcher(field).matches()) {
            throw new ToolException("BAD_ARGS", "invalid field name '" + abbreviate(field) + "' in " + where);
        }
        ColumnInfo c = columns.get(Names.toColumn(field));
        if (c == null) throw new ToolException("BAD_ARGS", "unknown field '" + field + "' in " + where + " (table " + table + ")");
        return c;
    }

    /** The single-column primary key required by operations that address rows by key. */
    public ColumnInfo singleKey(String op) {
        if (primaryKey.size() != 1) {
            throw new ToolException("BAD_ARGS", op + " needs a single-column primary key; table " + table
                    + (primaryKey.isEmpty() ? " has none" : " has " + primaryKey.size() + " key columns"));
        }
        return columns.get(primaryKey.get(0));
    }

    static String abbreviate(String s) {
        if (s == null) return "null";
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
