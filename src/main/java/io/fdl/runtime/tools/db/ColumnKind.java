package io.fdl.runtime.tools.db;

/** How a column's values are bound and read (tools.md §4.5 rule 2, §4.6). */
public enum ColumnKind {
    INT2, INT4, INT8, NUMERIC, FLOAT4, FLOAT8, TEXT, BOOL, TIMESTAMPTZ, TIMESTAMP, DATE, UUID, JSON, JSONB, BYTEA,
    /** Arrays of one of the kinds above. */
    ARRAY,
    /** Enums, domains and other types: bound as text and cast to the column's type by the server. */
    OTHER;

    static ColumnKind fromUdt(String udtName) {
        return switch (udtName) {
            case "int2" -> INT2;
            case "int4" -> INT4;
            case "int8" -> INT8;
            case "numeric" -> NUMERIC;
            case "float4" -> FLOAT4;
            case "float8" -> FLOAT8;
            case "text", "varchar", "bpchar", "name" -> TEXT;
            case "bool" -> BOOL;
            case "timestamptz" -> TIMESTAMPTZ;
            case "timestamp" -> TIMESTAMP;
            case "date" -> DATE;
            case "uuid" -> UUID;
            case "json" -> JSON;
            case "jsonb" -> JSONB;
            case "bytea" -> BYTEA;
            default -> udtName.startsWith("_") ? ARRAY : OTHER;
        };
    }

    boolean isNumeric() {
        return this == INT2 || this == INT4 || this == INT8 || this == NUMERIC || this == FLOAT4 || this == FLOAT8;
    }

    boolean isTextLike() {
        return this == TEXT || this == UUID || this == OTHER;
    }
}
