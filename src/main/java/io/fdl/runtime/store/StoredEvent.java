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

    /** Back to the engine's event type (for WebSocket replay). */
    public ExecutionEvent toExecutionEvent() {
        ObjectNode obj = data instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode().set("value", data);
        return new ExecutionEvent(executionId.toString(), seq, ExecutionEvent.Type.fromWire(eventType), nodeId, obj,
                timestamp);
    }
}
