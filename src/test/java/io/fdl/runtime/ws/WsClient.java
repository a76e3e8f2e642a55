package io.fdl.runtime.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real WebSocket client (the WebSockets Next client connector) speaking JSON-RPC to /ws. */
public final class WsClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebSocketClientConnection connection;
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final java.util.concurrent.CompletableFuture<io.quarkus.websockets.next.CloseReason> closed =
            new java.util.concurrent.CompletableFuture<>();

    private WsClient(URI base, String query, String authorization) {
        BasicWebSocketConnector c = BasicWebSocketConnector.create().baseUri(base)
                // frames are handled on the connection's event loop, one after another, in arrival order
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING).path("/ws" + (query == null ? "" : "?" + query))
                .onClose((conn, reason) -> closed.complete(reason))
                .onTextMessage((conn, text) -> {
                    try {
                        inbox.add(JSON.readTree(text));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        if (authorization != null) c = c.addHeader("Authorization", authorization);
        connection = c.connectAndAwait();
    }

    public static WsClient anonymous(URI base) { return new WsClient(base, null, null); }

    public static WsClient withQueryToken(URI base, String token) { return new WsClient(base, "token=" + token, null); }

    public static WsClient withHeader(URI base, String token) { return new WsClient(base, null, "Bearer " + token); }

    public void sendRaw(String text) { connection.sendTextAndAwait(text); }

    /** Next non-event frame (a response or a pong), events seen meanwhile are kept. */
    public JsonNode nextReply() {
        while (true) {
            JsonNode n = poll(Duration.ofSeconds(10));
            if (n == null) throw new AssertionError("no reply within 10 s");
            if (isEvent(n)) events.add(n.path("result").path("params"));
            else return n;
        }
    }

    /** Sends a call and waits for its response. */
    public JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode req = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method).put("id", id);
        if (params != null) req.set("params", params);
        sendRaw(req.toString());
        JsonNode reply = nextReply();
        if (reply.path("id").asInt(-1) != id) throw new AssertionError("reply for another id: " + reply);
        return reply;
    }

    public static ObjectNode params() { return JSON.createObjectNode(); }

    /** Collects event params until a terminal event (completed/failed/cancelled) of the execution. */
    List<JsonNode> eventsUntilTerminal(String executionId, Duration timeout) {
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
            JsonNode n = poll(Duration.ofNanos(left));
            if (n != null && isEvent(n)) events.add(n.path("result").path("params"));
        }
    }

    /** Waits until at least n events arrived. */
    List<JsonNode> awaitEvents(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("only " + events.size() + " events");
            JsonNode m = poll(Duration.ofNanos(left));
            if (m != null && isEvent(m)) events.add(m.path("result").path("params"));
        }
        return List.copyOf(events);
    }

    public boolean isOpen() { return connection.isOpen(); }

    /** The close frame the server sent (code and reason), waiting up to {@code timeout}. */
    public io.quarkus.websockets.next.CloseReason awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("not closed within " + timeout, e);
        }
    }

    private JsonNode poll(Duration d) {
        try {
            return inbox.poll(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isEvent(JsonNode n) {
        return n.path("id").isNull() && "execution.event".equals(n.path("result").path("method").asText());
    }

    @Override
    public void close() {
        connection.closeAndAwait();
    }
}
