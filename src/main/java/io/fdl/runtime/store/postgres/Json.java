package io.fdl.runtime.store.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

final class Json {
    private Json() {
    }

    static JsonNode orEmpty(JsonNode n) {
        return n == null ? JsonNodeFactory.instance.objectNode() : n.deepCopy();
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
        return n == null ? null : n.deepCopy();
    }

    /** The store keeps microseconds (timestamptz); truncating in Java keeps both adapters equal. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
