package io.fdl.runtime.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.testsupport.RpcFrames;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (the WebSockets Next client connector) speaking JSON-RPC to /ws. */
public final class WsClient implements AutoCloseable {
    private final WebSocketClientConnection connection;
    private final RpcFrames frames;
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

    private WsClient(URI base, String query, String authorization) {
        frames = new RpcFrames(this::sendRaw);
        BasicWebSocketConnector c = BasicWebSocketConnector.create().baseUri(base)
                // frames are handled on the connection's event loop, one after another, in arrival order
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING).path("/ws" + (query == null ? "" : "?" + query))
                .onClose((conn, reason) -> closed.complete(reason))
                .onTextMessage((conn, text) -> frames.received(text));
        if (authorization != null) c = c.addHeader("Authorization", authorization);
        connection = c.connectAndAwait();
    }

    public static WsClient anonymous(URI base) { return new WsClient(base, null, null); }

    public static WsClient withQueryToken(URI base, String token) { return new WsClient(base, "token=" + token, null); }

    public static WsClient withHeader(URI base, String token) { return new WsClient(base, null, "Bearer " + token); }

    public void sendRaw(String text) { connection.sendTextAndAwait(text); }

    /** Next non-event frame (a response or a pong), events seen meanwhile are kept. */
    public JsonNode nextReply() { return frames.nextReply(); }

    /** Sends a call and waits for its response. */
    public JsonNode call(String method, ObjectNode params) { return frames.call(method, params); }

    public static ObjectNode params() { return RpcFrames.params(); }

    /** Collects event params until a terminal event (completed/failed/cancelled) of the execution. */
    public List<JsonNode> eventsUntilTerminal(String executionId, Duration timeout) { return frames.eventsUntilTerminal(executionId, timeout); }

    /** Waits until at least n events arrived. */
    public List<JsonNode> awaitEvents(int n, Duration timeout) { return frames.awaitEvents(n, timeout); }

    public boolean isOpen() { return connection.isOpen(); }

    /** The close frame the server sent (code and reason), waiting up to {@code timeout}. */
    public CloseReason awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("not closed within " + timeout, e);
        }
    }

    @Override
    public void close() {
        connection.closeAndAwait();
    }
}
