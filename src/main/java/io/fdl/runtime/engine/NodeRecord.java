package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One node execution (fdl.md §11.3 {@code nodes}).
 *
 * @param path       node path from the top level joined by {@code /}, without iteration indexes
 * @param iterations iteration indexes of the enclosing each/loop nodes, outermost first
 * @param kind       tool, mapping, condition, case, wait, each, loop
 * @param outcome    completed, skipped, handled (failed with fail), failed, dead, cancelled
 * @param startedAt  epoch ms, null for dead nodes
 * @param endedAt    epoch ms, null while running or for dead nodes
 * @param attempts   tool attempts made (0 for other kinds)
 * @param error      the failure, or null
 */
public record NodeRecord(String path, List<Integer> iterations, String kind, String outcome, Long startedAt, Long endedAt,
                         int attempts, ErrorInfo error) {
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("path", path);
        ArrayNode it = o.putArray("iterations");
        iterations.forEach(it::add);
        o.put("kind", kind);
        o.put("outcome", outcome);
        if (startedAt == null) o.putNull("started_at"); else o.put("started_at", startedAt);
        if (endedAt == null) o.putNull("ended_at"); else o.put("ended_at", endedAt);
        o.put("attempts", attempts);
        o.set("error", error == null ? f.nullNode() : error.toCodeMessage());
        return o;
    }
}
