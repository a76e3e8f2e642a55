package io.fdl.runtime.tools.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.port.ToolException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code native} operation (tools.md §4.3): SQL as written with {@code ?} placeholders, bound in
 * order from the {@code params} array. {@code ?} inside string literals, quoted identifiers,
 * dollar-quoted bodies and comments is left alone (so the jsonb {@code ?} operators must be written
 * as {@code jsonb_exists(…)} functions in native queries).
 */
public final class NativeQuery {
    private NativeQuery() {}

    public static DbPlan plan(ObjectNode args) {
        JsonNode q = args.get("query");
        if (q == null || !q.isTextual() || q.textValue().isBlank()) throw new ToolException("BAD_ARGS", "native needs query: an SQL text");
        JsonNode p = args.get("params");
        if (p != null && !p.isNull() && !p.isArray()) throw new ToolException("BAD_ARGS", "native params must be an array");
        List<Object> values = new ArrayList<>();
        if (p != null && p.isArray()) for (JsonNode v : p) values.add(toJava(v));
        String sql = numberPlaceholders(q.textValue(), values.size());
        return new DbPlan.Single(new Sql(sql, java.util.Collections.unmodifiableList(values)), DbPlan.Shape.NATIVE);
    }

    /** Replaces each {@code ?} outside literals/comments with {@code $1, $2 …}; the count must match. */
    static String numberPlaceholders(String sql, int expected) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int n = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' ) {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                int end = quoted(sql, i, '\'', escapes);
                out.append(sql, i, end);
                i = end;
            } else if (c == '"') {
                int end = quoted(sql, i, '"', false);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? sql.length() : close + tag.length();
                out.append(sql, i, end);
                i = end;
            } else if (c == '?') {
                out.append('$').append(++n);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        if (n != expected) {
            throw new ToolException("BAD_ARGS", "native query has " + n + " '?' placeholder(s) but params has " + expected + " value(s)");
        }
        return out.toString();
    }

    private static int quoted(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** {@code $tag$} or {@code $$} starting at i, or null (a {@code $1} placeholder is not a tag). */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
        if (j >= sql.length() || sql.charAt(j) != '$') return null;
        String tag = sql.substring(i, j + 1);
        if (tag.length() > 2 && Character.isDigit(tag.charAt(1))) return null;
        return tag;
    }

    /** JSON → a value the PostgreSQL client binds; the server's parameter type drives the conversion. */
    static Object toJava(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) return v.textValue();
        if (v.isBoolean()) return v.booleanValue();
        if (v.isIntegralNumber()) return v.canConvertToLong() ? (Object) v.longValue() : v.decimalValue();
        if (v.isNumber()) return v.isBigDecimal() ? v.decimalValue() : (Object) v.doubleValue();
        if (v.isObject()) return new JsonObject(v.toString());
        return new JsonArray(v.toString());
    }
}
