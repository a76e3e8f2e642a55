package io.fdl.runtime.engine.mock;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** GML value equality (gml.md §2.4): numbers by value, objects ignoring key order, no cross-type equality. */
final class JsonEquality {
    private JsonEquality() {}

    static boolean equal(JsonNode a, JsonNode b) {
        boolean an = a == null || a.isNull() || a.isMissingNode();
        boolean bn = b == null || b.isNull() || b.isMissingNode();
        if (an || bn) return an && bn;
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() && b.isIntegralNumber()) return a.bigIntegerValue().equals(b.bigIntegerValue());
            double x = a.doubleValue(), y = b.doubleValue();
            return x == y || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
        }
        if (a.isTextual() && b.isTextual()) return a.textValue().equals(b.textValue());
        if (a.isBoolean() && b.isBoolean()) return a.booleanValue() == b.booleanValue();
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) if (!equal(a.get(i), b.get(i))) return false;
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) return false;
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null || !equal(e.getValue(), other)) return false;
            }
            return true;
        }
        return false;
    }

    /** tools.md §6.3 byArgs: every key of {@code subset} present in {@code args} with an equal value. */
    static boolean subset(JsonNode subset, JsonNode args) {
        for (Iterator<Map.Entry<String, JsonNode>> it = subset.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = args.get(e.getKey());
            if (v == null || !equal(e.getValue(), v)) return false;
        }
        return true;
    }
}
