package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * distinct() by §2.4 equality in one hashing pass, O(n) expected for every kind (arrays and objects
 * included). The hash agrees with the tolerant number equality: a number hashes by its double
 * value with the low mantissa bits dropped (a granularity of ~1.5e-11 relative, coarser than the
 * 1e-12 tolerance), so equal numbers share a bucket and {@link Values#equal} decides inside it.
 * Two numbers within tolerance on either side of a bucket boundary both stay (see package-info).
 */
final class Distinct {
    private static final long MANTISSA_DROP = ~((1L << 16) - 1);

    private Distinct() {}

    static ArrayNode of(JsonNode r) {
        ArrayNode out = Values.array(r.size());
        Set<Key> seen = new HashSet<>(Math.max(16, r.size() * 2));
        for (JsonNode e : r) if (seen.add(new Key(e, hash(e, 0)))) out.add(e);
        return out;
    }

    /** A value under §2.4 equality; the hash is computed once. */
    private record Key(JsonNode value, int hash) {
        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Values.equal(value, k.value);
        }
    }

    static int hash(JsonNode v, int depth) {
        switch (Values.kind(v)) {
            case NULL: return 0;
            case BOOLEAN: return v.booleanValue() ? 1231 : 1237;
            case INTEGER: case DECIMAL: {
                double d = v.doubleValue();
                if (d == 0) return 17; // 0 and -0.0
                return Long.hashCode(Double.doubleToLongBits(d) & MANTISSA_DROP);
            }
            case STRING: return v.textValue().hashCode();
            case ARRAY: {
                if (depth > 1000) throw Errors.limit("value nesting is too deep to compare");
                int h = 1;
                for (JsonNode e : v) h = 31 * h + hash(e, depth + 1);
                return h;
            }
            default: {
                if (depth > 1000) throw Errors.limit("value nesting is too deep to compare");
                int h = 7; // key order does not matter for equality, so neither for the hash
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    h += e.getKey().hashCode() ^ hash(e.getValue(), depth + 1);
                }
                return h;
            }
        }
    }
}
