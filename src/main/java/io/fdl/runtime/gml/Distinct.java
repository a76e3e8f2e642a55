package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fdl.runtime.gml.Values.Kind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * distinct() by §2.4 equality. Exact kinds (null, booleans, strings, whole numbers) use hashing;
 * fractional decimals, arrays and objects are compared with the kept values of their kind, because
 * the tolerant number equality cannot be hashed.
 */
final class Distinct {
    private Distinct() {}

    static ArrayNode of(JsonNode r) {
        ArrayNode out = Values.array(r.size());
        Set<Object> seen = new HashSet<>();
        List<JsonNode> fractional = new ArrayList<>();
        List<JsonNode> containers = new ArrayList<>();
        for (JsonNode e : r) {
            Kind k = Values.kind(e);
            Object key = switch (k) {
                case NULL -> "n";
                case BOOLEAN -> e.booleanValue();
                case STRING -> "s" + e.asText();
                case INTEGER -> e.longValue();
                case DECIMAL -> {
                    double d = e.doubleValue();
                    yield d == Math.rint(d) && Math.abs(d) < 9e15 ? (Object) (long) d : null;
                }
                default -> null;
            };
            if (key != null) {
                if (k == Kind.INTEGER || k == Kind.DECIMAL) {
                    if (containsNear(fractional, e)) continue;
                }
                if (seen.add(key)) out.add(e);
                continue;
            }
            List<JsonNode> pool = k == Kind.DECIMAL ? fractional : containers;
            if (containsNear(pool, e)) continue;
            if (k == Kind.DECIMAL && nearWhole(seen, e)) continue;
            pool.add(e);
            out.add(e);
        }
        return out;
    }

    private static boolean containsNear(List<JsonNode> pool, JsonNode e) {
        for (JsonNode p : pool) if (Values.equal(p, e)) return true;
        return false;
    }

    /** A fractional decimal within tolerance of a whole number already kept (large magnitudes only). */
    private static boolean nearWhole(Set<Object> seen, JsonNode e) {
        double d = e.doubleValue();
        long lo = (long) Math.floor(d), hi = (long) Math.ceil(d);
        return (seen.contains(lo) && Values.numEqual(lo, d)) || (seen.contains(hi) && Values.numEqual(hi, d));
    }
}
