package io.fdl.runtime.store.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Copies of what goes into PostgreSQL. PostgreSQL cannot store U+0000 in {@code text} nor in
 * {@code jsonb} (not even as the escape {@code \u0000}), so every copy replaces it with U+FFFD —
 * in string values, object keys and text columns. The API refuses NUL in request text (400
 * INVALID_TEXT), so this only ever touches what runs produce (results, events, run state, error
 * messages); memory mode stores such text unchanged (README, Decisions).
 */
final class Json {
    private static final char NUL = '\u0000';
    private static final char REPLACEMENT = '\uFFFD';
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode orEmpty(JsonNode n) {
        return n == null ? F.objectNode() : storable(n);
    }

    /** A JSON array stored in a JSON column as {@code {"items": [...]}}; null stays null. */
    static JsonNode wrapArray(JsonNode array) {
        if (array == null || array.isNull()) return null;
        com.fasterxml.jackson.databind.node.ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("items", array.deepCopy());
        return o;
    }

    static JsonNode unwrapArray(JsonNode wrapped) {
        return wrapped == null || wrapped.isNull() ? null : wrapped.path("items").deepCopy();
    }

    static JsonNode copy(JsonNode n) {
        return n == null ? null : storable(n);
    }

    /** Text for a text column: NUL replaced, null kept. */
    static String text(String s) {
        return s == null || s.indexOf(NUL) < 0 ? s : s.replace(NUL, REPLACEMENT);
    }

    static String[] text(String[] values) {
        String[] out = values.clone();
        for (int i = 0; i < out.length; i++) out[i] = text(out[i]);
        return out;
    }

    /** A deep copy whose strings and keys hold no NUL (the copy the entities always took). */
    static JsonNode storable(JsonNode n) {
        if (n.isTextual()) return n.textValue().indexOf(NUL) < 0 ? n : F.textNode(text(n.textValue()));
        if (n.isArray()) {
            ArrayNode out = F.arrayNode(n.size());
            for (JsonNode item : n) out.add(storable(item));
            return out;
        }
        if (n.isObject()) {
            ObjectNode out = F.objectNode();
            n.fields().forEachRemaining(e -> out.set(text(e.getKey()), storable(e.getValue())));
            return out;
        }
        return n.deepCopy();
    }

    /** {@code n} itself when it holds no NUL (no copy on the hot event path), else a storable copy. */
    static JsonNode clean(JsonNode n) {
        return hasNul(n) ? storable(n) : n;
    }

    private static boolean hasNul(JsonNode n) {
        if (n.isTextual()) return n.textValue().indexOf(NUL) >= 0;
        if (n.isArray()) {
            for (JsonNode item : n) if (hasNul(item)) return true;
            return false;
        }
        if (n.isObject()) {
            var fields = n.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                if (e.getKey().indexOf(NUL) >= 0 || hasNul(e.getValue())) return true;
            }
        }
        return false;
    }

    /** The JSON text of {@code n} without NUL, for a {@code text → jsonb} parameter of the reactive pool; null stays null. */
    static String write(JsonNode n) {
        if (n == null) return null;
        try {
            return MAPPER.writeValueAsString(clean(n));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jsonb column read as text ({@code col::text}) back to JSON. */
    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store keeps microseconds (timestamptz); truncating in Java keeps both adapters equal. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
