package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/** Comparison rules of the conformance README: null = absent, numbers with 1e-9 tolerance, key order ignored. */
final class JsonCompare {
    private JsonCompare() {}

    static boolean same(JsonNode expected, JsonNode actual, boolean strictIntegers) {
        boolean en = expected == null || expected.isNull() || expected.isMissingNode();
        boolean an = actual == null || actual.isNull() || actual.isMissingNode();
        if (en || an) return en && an;
        if (expected.isNumber()) {
            if (!actual.isNumber()) return false;
            if (strictIntegers && expected.isIntegralNumber() && !actual.isIntegralNumber()) return false;
            return Math.abs(expected.doubleValue() - actual.doubleValue()) <= 1e-9 * Math.max(1, Math.abs(expected.doubleValue()));
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) return false;
            for (int i = 0; i < expected.size(); i++) if (!same(expected.get(i), actual.get(i), strictIntegers)) return false;
            return true;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) return false;
            Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
            int nonNull = 0;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!same(e.getValue(), actual.get(e.getKey()), strictIntegers)) return false;
            }
            Iterator<Map.Entry<String, JsonNode>> it2 = actual.fields();
            while (it2.hasNext()) {
                Map.Entry<String, JsonNode> e = it2.next();
                if (!e.getValue().isNull() && !expected.has(e.getKey())) return false;
            }
            return true;
        }
        return expected.equals(actual);
    }
}
