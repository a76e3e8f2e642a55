package io.fdl.runtime.tools.db;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.tools.TextForm;
import io.fdl.runtime.tools.cql.DateTexts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;

/**
 * Converts a value to the Java object bound for a column (tools.md §4.5 rule 2). A value that does
 * not fit the column is {@code BAD_ARGS}; the database never sees text it would have to guess at.
 */
public final class ValueBinder {
    private final ZoneId zone;

    public ValueBinder(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Binds a JSON value (from params, data, id) to a column; JSON null binds SQL NULL. */
    public Object bind(ColumnInfo col, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (col.kind() == ColumnKind.ARRAY) return bindArray(col, v);
        return bindScalar(col.kind(), col.name(), v);
    }

    /** Binds the value of TIME(…)/DATE(…)/NOW(…). */
    public Object bindTime(ColumnInfo col, OffsetDateTime t) {
        return switch (col.kind()) {
            case TIMESTAMPTZ -> t;
            case TIMESTAMP -> t.atZoneSameInstant(zone).toLocalDateTime();
            case DATE -> t.atZoneSameInstant(zone).toLocalDate();
            case TEXT, OTHER -> DateTexts.canonical(t);
            default -> throw bad(col.name(), "a date", col.kind());
        };
    }

    private Object bindArray(ColumnInfo col, JsonNode v) {
        if (!v.isArray()) throw new ToolException("BAD_ARGS", "field '" + col.name() + "' expects an array");
        ColumnKind ek = col.elementKind();
        Class<?> type = elementClass(ek);
        Object arr = Array.newInstance(type, v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            Array.set(arr, i, e.isNull() ? null : bindScalar(ek, col.name(), e));
        }
        return arr;
    }

    private static Class<?> elementClass(ColumnKind k) {
        return switch (k) {
            case INT2 -> Short.class;
            case INT4 -> Integer.class;
            case INT8 -> Long.class;
            case NUMERIC -> BigDecimal.class;
            case FLOAT4 -> Float.class;
            case FLOAT8 -> Double.class;
            case BOOL -> Boolean.class;
            case UUID -> java.util.UUID.class;
            case TIMESTAMPTZ -> OffsetDateTime.class;
            case TIMESTAMP -> java.time.LocalDateTime.class;
            case DATE -> LocalDate.class;
            case TEXT, OTHER -> String.class;
            default -> throw new ToolException("BAD_ARGS", "arrays of " + k.name().toLowerCase(Locale.ROOT) + " are not supported");
        };
    }

    private Object bindScalar(ColumnKind kind, String column, JsonNode v) {
        switch (kind) {
            case INT2, INT4, INT8, NUMERIC, FLOAT4, FLOAT8 -> { return number(kind, column, v); }
            case TEXT, OTHER -> {
                if (!TextForm.isScalar(v)) throw bad(column, "a text", kind);
                return TextForm.of(v);
            }
            case UUID -> {
                if (!v.isTextual()) throw bad(column, "a uuid", kind);
                try {
                    return java.util.UUID.fromString(v.textValue().trim());
                } catch (IllegalArgumentException e) {
                    throw bad(column, "a uuid", kind);
                }
            }
            case BOOL -> {
                if (v.isBoolean()) return v.booleanValue();
                if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
                    return Boolean.parseBoolean(v.textValue().toLowerCase(Locale.ROOT));
                }
                throw bad(column, "a boolean", kind);
            }
            case TIMESTAMPTZ, TIMESTAMP, DATE -> {
                if (!v.isTextual()) throw bad(column, "a date text", kind);
                return bindTime(new ColumnInfo(column, kind, null, null, null), DateTexts.parse(v.textValue(), zone)
                        .orElseThrow(() -> bad(column, "a date text", kind)));
            }
            case JSON, JSONB -> { return json(v); }
            case BYTEA -> {
                if (!v.isTextual()) throw bad(column, "base64 text", kind);
                try {
                    return Buffer.buffer(Base64.getDecoder().decode(v.textValue()));
                } catch (IllegalArgumentException e) {
                    throw bad(column, "base64 text", kind);
                }
            }
            default -> throw bad(column, "a scalar", kind);
        }
    }

    private static Object json(JsonNode v) {
        if (v.isNull()) return Tuple.JSON_NULL;
        if (v.isObject()) return new JsonObject(v.toString());
        if (v.isArray()) return new JsonArray(v.toString());
        if (v.isTextual()) return v.textValue();
        if (v.isBoolean()) return v.booleanValue();
        if (v.isIntegralNumber()) return v.longValue();
        return v.doubleValue();
    }

    private static Object number(ColumnKind kind, String column, JsonNode v) {
        BigDecimal d;
        if (v.isNumber()) {
            d = v.isIntegralNumber() ? new BigDecimal(v.bigIntegerValue()) : v.isBigDecimal() ? v.decimalValue() : BigDecimal.valueOf(v.doubleValue());
        } else if (v.isTextual()) {
            try {
                d = new BigDecimal(v.textValue().trim());
            } catch (NumberFormatException e) {
                throw bad(column, "a number", kind);
            }
        } else {
            throw bad(column, "a number", kind);
        }
        try {
            return switch (kind) {
                case INT2 -> d.toBigIntegerExact().shortValueExact();
                case INT4 -> d.toBigIntegerExact().intValueExact();
                case INT8 -> d.toBigIntegerExact().longValueExact();
                case NUMERIC -> d;
                case FLOAT4 -> d.floatValue();
                default -> d.doubleValue();
            };
        } catch (ArithmeticException e) {
            throw new ToolException("BAD_ARGS", "value " + TableMeta.abbreviate(d.toPlainString()) + " does not fit column '"
                    + column + "' (" + kind.name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    private static ToolException bad(String column, String expected, ColumnKind kind) {
        return new ToolException("BAD_ARGS", "column '" + column + "' (" + kind.name().toLowerCase(Locale.ROOT)
                + ") expects " + expected);
    }

}
