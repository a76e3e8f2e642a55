package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Coerces and checks a value against a type with the table of fdl.md §4 (also used for results,
 * §11.2). Problems are appended as {@code path: expected T, got ...}; the returned value is the coerced
 * one (or the input unchanged where a problem was found).
 */
public final class TypeCoercion {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final Map<String, RecordDef> defs;
    private final ZoneId zone;
    private final List<String> problems;

    private TypeCoercion(Map<String, RecordDef> defs, ZoneId zone, List<String> problems) {
        this.defs = defs;
        this.zone = zone;
        this.problems = problems;
    }

    /**
     * Coerces {@code value} (Java null = JSON null) to {@code type}.
     *
     * @param defs     the flow's record types
     * @param path     path of the value for messages ({@code order}, {@code result})
     * @param zone     runtime zone for date texts without offset and epoch milliseconds
     * @param problems receives the problems found
     */
    public static JsonNode coerce(JsonNode value, TypeRef type, Map<String, RecordDef> defs, String path, ZoneId zone,
                                  List<String> problems) {
        return new TypeCoercion(defs, zone, problems).coerce(value == null ? NullNode.instance : value, type, path);
    }

    private JsonNode coerce(JsonNode v, TypeRef type, String path) {
        if (type instanceof TypeRef.Nullable n) {
            return v.isNull() ? NullNode.instance : coerce(v, n.inner(), path);
        }
        if (type instanceof TypeRef.Prim p && p.kind() == TypeRef.Primitive.ANY) return v;
        if (v.isNull() || v.isMissingNode()) return fail(v, type, path);
        if (type instanceof TypeRef.Prim p) return prim(v, p.kind(), type, path);
        if (type instanceof TypeRef.ArrayOf a) {
            if (!v.isArray()) return fail(v, type, path);
            ArrayNode out = F.arrayNode(v.size());
            for (int i = 0; i < v.size(); i++) out.add(coerce(v.get(i), a.element(), path + "[" + i + "]"));
            return out;
        }
        if (type instanceof TypeRef.MapOf m) {
            if (!v.isObject()) return fail(v, type, path);
            ObjectNode out = F.objectNode();
            v.fields().forEachRemaining(e -> out.set(e.getKey(), coerce(e.getValue(), m.value(), join(path, e.getKey()))));
            return out;
        }
        TypeRef.Named named = (TypeRef.Named) type;
        RecordDef def = defs.get(named.name());
        if (!v.isObject() || def == null) return fail(v, type, path);
        ObjectNode out = F.objectNode();
        for (FieldDecl f : def.fields()) {
            JsonNode fv = v.get(f.name());
            String fp = join(path, f.name());
            if ((fv == null || fv.isNull()) && !f.type().acceptsNull()) {
                problems.add(fp + ": " + (fv == null ? "required field is missing" : "expected " + f.type().text() + ", got null"));
                continue;
            }
            out.set(f.name(), coerce(fv == null ? NullNode.instance : fv, f.type(), fp));
        }
        return out;
    }

    private JsonNode prim(JsonNode v, TypeRef.Primitive kind, TypeRef type, String path) {
        switch (kind) {
            case BOOL -> {
                if (v.isBoolean()) return v;
                if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
                    return BooleanNode.valueOf(v.textValue().equalsIgnoreCase("true"));
                }
                return fail(v, type, path);
            }
            case INT, LONG -> {
                BigDecimal n = numberOf(v);
                if (n == null) return fail(v, type, path);
                BigDecimal whole;
                try {
                    whole = n.stripTrailingZeros().scale() <= 0 ? n : null;
                } catch (ArithmeticException e) {
                    whole = null;
                }
                if (whole == null) return fail(v, type, path);
                long min = kind == TypeRef.Primitive.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
                long max = kind == TypeRef.Primitive.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
                if (whole.compareTo(BigDecimal.valueOf(min)) < 0 || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
                    problems.add(path + ": expected " + type.text() + ", got " + describe(v) + " (out of range)");
                    return v;
                }
                return LongNode.valueOf(whole.longValueExact());
            }
            case DOUBLE, DECIMAL -> {
                BigDecimal n = numberOf(v);
                if (n == null) return fail(v, type, path);
                double d = v.isNumber() ? v.doubleValue() : n.doubleValue();
                if (Double.isInfinite(d) || Double.isNaN(d)) return fail(v, type, path);
                return DoubleNode.valueOf(d);
            }
            case STRING -> {
                if (v.isTextual()) return v;
                if (v.isNumber() || v.isBoolean()) return TextNode.valueOf(TextForm.of(v));
                return fail(v, type, path);
            }
            case DATE -> {
                OffsetDateTime t = null;
                if (v.isTextual()) t = DateText.parse(v.textValue(), zone);
                else if (v.isIntegralNumber() && v.canConvertToLong()) t = DateText.ofEpochMillis(v.longValue(), zone);
                if (t == null) return fail(v, type, path);
                return TextNode.valueOf(DateText.canonical(t));
            }
            default -> {
                return v;
            }
        }
    }

    /** The number held by a number or a numeric string, or null. */
    private static BigDecimal numberOf(JsonNode v) {
        if (v.isNumber()) {
            if (v.isDouble() || v.isFloat()) {
                double d = v.doubleValue();
                return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            }
            return v.decimalValue();
        }
        if (v.isTextual()) {
            String t = v.textValue().strip();
            if (!NUMBER.matcher(t).matches() || t.length() > 400) return null;
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private JsonNode fail(JsonNode v, TypeRef type, String path) {
        problems.add(path + ": expected " + type.text() + ", got " + describe(v));
        return v;
    }

    static String describe(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return "null";
        if (v.isTextual()) {
            String t = v.textValue();
            if (t.length() > 40) t = t.substring(0, 37) + "...";
            return "string '" + t + "'";
        }
        if (v.isBoolean()) return "boolean " + v.booleanValue();
        if (v.isIntegralNumber()) return "integer " + v.asText();
        if (v.isNumber()) return "decimal " + TextForm.of(v);
        return v.isArray() ? "array" : "object";
    }

    private static String join(String path, String key) {
        String k = Names.IDENT.matcher(key).matches() ? key : "['" + key + "']";
        if (path == null || path.isEmpty()) return k;
        return k.startsWith("[") ? path + k : path + "." + k;
    }
}
