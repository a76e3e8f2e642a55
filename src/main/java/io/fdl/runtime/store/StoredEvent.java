package io.fdl.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.ExecutionEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A persisted execution event (api.md §6.2); {@code seq} is unique per execution.
 *
 * @param eventType wire name ({@code node_completed} …)
 * @param data      event data (a JSON object, never null)
 */
public record StoredEvent(UUID executionId, UUID tenantId, long seq, String eventType, String nodeId,
                          JsonNode data, Instant timestamp) {

    public StoredEvent {
        if (data == null) data = JsonNodeFactory.instance.objectNode();
    }

    /** The engine's event, stored under {@code tenantId}. */
    public static StoredEvent of(UUID tenantId, ExecutionEvent e) {
        return new StoredEvent(UUID.fromString(e.executionId()), tenantId, e.seq(), e.type().wire(), e.nodeId(),
                e.data(), e.timestamp());
    }

    /**
     * The identity of an event within its run, independent of its seq: the type, the node and the
     * iteration indexes (node events carry them inside each/loop bodies), the progress count. A run
     * resumed after a takeover re-walks its flow; its events whose key was already published are
     * dropped, the others continue the seq — so the log has no gap and no duplicate.
     */
    public static String key(String eventType, String nodeId, JsonNode data) {
        StringBuilder k = new StringBuilder(eventType);
        if (nodeId != null) k.append('|').append(nodeId);
        JsonNode it = data == null ? null : data.get("iterations");
        if (it != null && it.isArray()) k.append('|').append(it);
        JsonNode done = data == null ? null : data.get("completed_nodes");
        if (done != null && "progress".equals(eventType)) k.append('|').append(done.asLong());
        return k.toString();
    }

    public String key() {
        return key(eventType, nodeId, data);
    }

    /** Back to the engine's event type (for WebSocket replay). */
    public ExecutionEvent toExecutionEvent() {
        ObjectNode obj = data instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode().set("value", data);
        return new ExecutionEvent(executionId.toString(), seq, ExecutionEvent.Type.fromWire(eventType), nodeId, obj,
                timestamp);
    }
}
