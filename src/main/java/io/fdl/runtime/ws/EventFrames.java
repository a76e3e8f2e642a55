package io.fdl.runtime.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.ExecutionEvent;

import java.util.Iterator;
import java.util.Map;

/**
 * Turns an {@link ExecutionEvent} into the push frame the editor reads (api.md §6.2):
 * {@code {"jsonrpc":"2.0","id":null,"result":{"method":"execution.event","params":{…}}}}.
 * Data values larger than the preview limit are replaced by a text preview and {@code truncated: true};
 * the full value stays in the execution record.
 *
 * <p>Serialised once per event, not once per subscriber: the bus hands the same event instance to
 * every subscriber in turn, so the last frame is remembered by the event's identity (1 000 watchers of
 * one execution cost one serialisation per event).
 */
final class EventFrames {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private record Last(ExecutionEvent event, String frame) {}

    private final ObjectMapper mapper;
    private final int previewLimit;
    private final java.util.concurrent.atomic.AtomicReference<Last> last = new java.util.concurrent.atomic.AtomicReference<>();

    EventFrames(ObjectMapper mapper, int previewLimit) {
        this.mapper = mapper;
        this.previewLimit = previewLimit;
    }

    String frame(ExecutionEvent event) {
        Last l = last.get();
        if (l != null && l.event() == event) return l.frame();
        String frame = render(event);
        last.set(new Last(event, frame));
        return frame;
    }

    private String render(ExecutionEvent event) {
        ObjectNode params = F.objectNode()
                .put("execution_id", event.executionId())
                .put("seq", event.seq())
                .put("event_type", event.type().wire());
        if (event.nodeId() != null) params.put("node_id", event.nodeId());
        params.set("data", cut(event.data()));
        params.put("timestamp", event.timestamp().toString());
        ObjectNode result = F.objectNode().put("method", "execution.event");
        result.set("params", params);
        ObjectNode frame = F.objectNode().put("jsonrpc", "2.0");
        frame.putNull("id");
        frame.set("result", result);
        return write(frame);
    }

    /** Cuts each top-level field of the event data whose JSON text is over the limit. */
    private JsonNode cut(ObjectNode data) {
        if (data == null) return F.objectNode();
        ObjectNode out = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (!value.isContainerNode() && !value.isTextual()) continue;
            String text = value.isTextual() ? value.textValue() : write(value);
            if (text.length() <= previewLimit) continue;
            if (out == null) out = data.deepCopy();
            out.put(field.getKey(), text.substring(0, previewLimit));
            out.put("truncated", true);
        }
        return out == null ? data : out;
    }

    String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise frame", e);
        }
    }
}
