package io.fdl.runtime.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The client side of /ws JSON-RPC (api.md §6), independent of the WebSocket transport: frames are
 * queued in arrival order by the transport's listener; execution events seen while waiting for a
 * reply are kept, in order.
 */
public final class RpcFrames {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPLY_LIMIT = Duration.ofSeconds(20);
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Consumer<String> send;

    /** {@code send} writes one text frame. */
    public RpcFrames(Consumer<String> send) { this.send = send; }

    /** Called by the transport for every text frame received. */
    public void received(String text) {
        try {
            inbox.add(JSON.readTree(text));
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    public static ObjectNode params() { return JSON.createObjectNode(); }

    /** Sends a call and waits for its response. */
    public JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode req = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method).put("id", id);
        if (params != null) req.set("params", params);
        send.accept(req.toString());
        JsonNode reply = nextReply();
        if (reply.path("id").asInt(-1) != id) throw new AssertionError("reply for another id: " + reply);
        return reply;
    }

    /** Next non-event frame (a response or a pong). */
    public JsonNode nextReply() {
        while (true) {
            JsonNode n = poll(REPLY_LIMIT.toNanos());
            if (n == null) throw new AssertionError("no reply within " + REPLY_LIMIT);
            if (isEvent(n)) events.add(n.path("result").path("params"));
            else return n;
        }
    }

    /** Event params until a terminal event (completed/failed/cancelled) of the execution. */
    public List<JsonNode> eventsUntilTerminal(String executionId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JsonNode e : events) {
                String t = e.path("event_type").asText();
                if (e.path("execution_id").asText().equals(executionId)
                        && (t.equals("completed") || t.equals("failed") || t.equals("cancelled"))) {
                    return List.copyOf(events);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("no terminal event; got " + events);
            JsonNode n = poll(left);
            if (n != null && isEvent(n)) events.add(n.path("result").path("params"));
        }
    }

    /** Waits until at least n events arrived. */
    public List<JsonNode> awaitEvents(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("only " + events.size() + " events");
            JsonNode m = poll(left);
            if (m != null && isEvent(m)) events.add(m.path("result").path("params"));
        }
        return List.copyOf(events);
    }

    private JsonNode poll(long nanos) {
        try {
            return inbox.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isEvent(JsonNode n) {
        return n.path("id").isNull() && "execution.event".equals(n.path("result").path("method").asText());
    }
}
