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
