package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One tool-call attempt of a mocked run (tools.md §6.5), reported in start order.
 *
 * @param uri        the call key
 * @param args       the argument object exactly as the node built it
 * @param node       the node path with iteration indexes ({@code collect[1]/pages[0]/fetch}), as in idempotency keys
 * @param attempt    1-based
 * @param ok         true when the attempt produced a result
 * @param error      {@code {code, message}} or null
 * @param durationMs attempt duration
 */
public record CallRecord(String uri, ObjectNode args, String node, int attempt, boolean ok, ObjectNode error, long durationMs) {
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("uri", uri);
        o.set("args", args);
        o.put("node", node);
        o.put("attempt", attempt);
        o.put("ok", ok);
        o.set("error", error == null ? JsonNodeFactory.instance.nullNode() : error);
        o.put("duration_ms", durationMs);
        return o;
    }
}
