package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * The value model of gml.md §2 over Jackson nodes: kinds, truthiness, equality, text form.
 * Values are never mutated once built; the evaluator only mutates nodes it is still constructing.
 */
final class Values {
    private Values() {}

    enum Kind { NULL, BOOLEAN, INTEGER, DECIMAL, STRING, ARRAY, OBJECT }

    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final NullNode NULL = NullNode.instance;
    static final BooleanNode TRUE = BooleanNode.TRUE;
    static final BooleanNode FALSE = BooleanNode.FALSE;
    static final TextNode EMPTY = TextNode.valueOf("");

    private static final LongNode[] SMALL = new LongNode[1280];

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = new LongNode(i - 256);
    }

    static JsonNode of(long v) {
        return v >= -256 && v < 1024 ? SMALL[(int) v + 256] : new LongNode(v);
    }

    static JsonNode of(double d) {
        return new DoubleNode(d);
    }

    static JsonNode of(boolean b) {
        return b ? TRUE : FALSE;
    }

    static JsonNode of(String s) {
        return s.isEmpty() ? EMPTY : new TextNode(s);
    }

    static JsonNode orNull(JsonNode n) {
        return n == null ? NULL : n;
    }

    static ArrayNode array(int capacity) {
        return new ArrayNode(F, capacity);
    }

    static ObjectNode object() {
        return new ObjectNode(F);
    }

    static Kind kind(JsonNode n) {
        if (n == null) return Kind.NULL;
        switch (n.getNodeType()) {
            case NUMBER:
                if (n instanceof LongNode || n instanceof IntNode) return Kind.INTEGER;
                return n.isIntegralNumber() && n.canConvertToLong() ? Kind.INTEGER : Kind.DECIMAL;
            case STRING: case BINARY: case POJO: return Kind.STRING;
            case BOOLEAN: return Kind.BOOLEAN;
            case ARRAY: return Kind.ARRAY;
            case OBJECT: return Kind.OBJECT;
            default: return Kind.NULL;
        }
    }

    static boolean isNull(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    static boolean isInt(JsonNode n) {
        return n instanceof LongNode || n instanceof IntNode || (n.isIntegralNumber() && n.canConvertToLong());
    }

    static boolean isNumber(JsonNode n) {
        return n != null && n.isNumber();
    }

    /** Type name for error messages. */
    static String typeName(JsonNode n) {
        return switch (kind(n)) {
            case NULL -> "null";
            case BOOLEAN -> "boolean";
            case INTEGER -> "integer";
            case DECIMAL -> "decimal";
            case STRING -> "string";
            case ARRAY -> "array";
            case OBJECT -> "object";
        };
    }

    /** §2.3. */
    static boolean truthy(JsonNode n) {
        if (n == null) return false;
        return switch (n.getNodeType()) {
            case BOOLEAN -> n.booleanValue();
            case NUMBER -> n.doubleValue() != 0.0;
            case STRING -> !n.textValue().isEmpty();
            case ARRAY, OBJECT -> n.size() > 0;
            case BINARY, POJO -> true;
            default -> false;
        };
    }

    /** §2.4 equality; {@code depth} guards recursion into deep values. */
    static boolean equal(JsonNode a, JsonNode b) {
        return equal(a, b, 0);
    }

    private static boolean equal(JsonNode a, JsonNode b, int depth) {
        if (a == b) return true;
        Kind ka = kind(a), kb = kind(b);
        switch (ka) {
            case NULL: return kb == Kind.NULL;
            case BOOLEAN: return kb == Kind.BOOLEAN && a.booleanValue() == b.booleanValue();
            case INTEGER:
                if (kb == Kind.INTEGER) return a.longValue() == b.longValue();
                return kb == Kind.DECIMAL && numEqual(a.doubleValue(), b.doubleValue());
            case DECIMAL:
                return (kb == Kind.DECIMAL || kb == Kind.INTEGER) && numEqual(a.doubleValue(), b.doubleValue());
            case STRING: return kb == Kind.STRING && a.asText().equals(b.asText());
            case ARRAY: {
                if (kb != Kind.ARRAY || a.size() != b.size()) return false;
                if (depth > 1000) throw Errors.limit("value nesting is too deep to compare");
                for (int i = 0; i < a.size(); i++) if (!equal(a.get(i), b.get(i), depth + 1)) return false;
                return true;
            }
            case OBJECT: {
                if (kb != Kind.OBJECT || a.size() != b.size()) return false;
                if (depth > 1000) throw Errors.limit("value nesting is too deep to compare");
                Iterator<Map.Entry<String, JsonNode>> it = a.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode other = b.get(e.getKey());
                    if (other == null || !equal(e.getValue(), other, depth + 1)) return false;
                }
                return true;
            }
            default: return false;
        }
    }

    static boolean numEqual(double a, double b) {
        return a == b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
    }

    /** §2.2 text form; null gives "" (the use sites that differ check null themselves). */
    static String text(JsonNode n) {
        switch (kind(n)) {
            case NULL: return "";
            case STRING: return n.asText();
            case INTEGER: return Long.toString(n.longValue());
            case DECIMAL: return decimalText(n.doubleValue());
            case BOOLEAN: return n.booleanValue() ? "true" : "false";
            default: return JsonText.write(n, Integer.MAX_VALUE);
        }
    }

    static String decimalText(double d) {
        if (d == 0) return "0";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Integral value of an integer or an integral decimal, else an error naming {@code what}. */
    static long integral(JsonNode n, String what) {
        Kind k = kind(n);
        if (k == Kind.INTEGER) return n.longValue();
        if (k == Kind.DECIMAL) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9.2e18) return (long) d;
            throw Errors.eval(what + " must be a whole number, got " + decimalText(d));
        }
        throw Errors.eval(what + " must be a number, got " + typeName(n));
    }

    /** Code-point length. */
    static int cpLength(String s) {
        return s.codePointCount(0, s.length());
    }
}
