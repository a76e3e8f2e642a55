package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A cheap, conservative estimate of the heap a JSON value retains, used for memory budgets (the
 * GML allocation budget, the engine's retained-bytes cap). It is an upper-bound model, not a
 * measurement: strings count two bytes per UTF-16 unit, shared sub-values count once per
 * reference. Walks the value once and stops as soon as the total passes {@code cap}.
 */
public final class ValueSize {
    static final long STRING = 40, NUMBER = 24, REF = 8, ARRAY = 40, OBJECT = 56, ENTRY = 48;

    private ValueSize() {}

    /** The estimated bytes of {@code v}, or some value greater than {@code cap} once that is certain. */
    public static long of(JsonNode v, long cap) {
        return v == null ? 0 : deep(v, cap, 0);
    }

    /** Bytes of a string of {@code utf16Length} units. */
    public static long ofString(long utf16Length) {
        return STRING + 2 * utf16Length;
    }

    private static long deep(JsonNode v, long cap, int depth) {
        switch (v.getNodeType()) {
            case STRING: return ofString(v.textValue().length());
            case NUMBER: return NUMBER;
            case ARRAY: {
                long total = ARRAY + REF * v.size();
                if (depth > 2_000) return total; // the JSON readers cap nesting far below this
                for (int i = 0, n = v.size(); i < n && total <= cap; i++) total += deep(v.get(i), cap - total, depth + 1);
                return total;
            }
            case OBJECT: {
                long total = OBJECT;
                if (depth > 2_000) return total;
                Iterator<Map.Entry<String, JsonNode>> it = v.fields();
                while (it.hasNext() && total <= cap) {
                    Map.Entry<String, JsonNode> e = it.next();
                    total += ENTRY + ofString(e.getKey().length()) + deep(e.getValue(), cap - total, depth + 1);
                }
                return total;
            }
            case BINARY: return ofString(v.asText().length());
            default: return REF; // null, booleans, missing: shared singletons
        }
    }

    /**
     * The part of a freshly built value that its builder allocated itself: the container with a
     * reference per element. Its children were charged where they were built (literals, methods,
     * string operations), except for builders that make them: with {@code nested}, children that
     * are not direct children of {@code source} (the receiver) add their own container size.
     */
    static long shallow(JsonNode v, JsonNode source, boolean nested) {
        if (v.isTextual()) return ofString(v.textValue().length());
        if (!v.isContainerNode()) return NUMBER;
        long total = v.isArray() ? ARRAY + REF * v.size() : OBJECT + (ENTRY + STRING) * v.size();
        if (!nested) return total;
        Set<JsonNode> old = null;
        if (source != null && source.isContainerNode() && source.size() > 0) {
            old = Collections.newSetFromMap(new IdentityHashMap<>(source.size()));
            for (Iterator<JsonNode> it = source.elements(); it.hasNext(); ) old.add(it.next());
        }
        for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
            JsonNode child = it.next();
            if (old == null || !old.contains(child)) total += own(child);
        }
        return total;
    }

    private static long own(JsonNode child) {
        return switch (child.getNodeType()) {
            case ARRAY -> ARRAY + REF * child.size();
            case OBJECT -> OBJECT + ENTRY * child.size();
            case NUMBER -> NUMBER;
            default -> REF;
        };
    }
}
