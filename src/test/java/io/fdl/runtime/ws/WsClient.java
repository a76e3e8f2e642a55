package io.fdl.runtime.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.testsupport.RpcFrames;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** A real WebSocket client (the WebSockets Next client connector) speaking JSON-RPC to /ws. */
final class WsClient implements AutoCloseable {
    private final WebSocketClientConnection connection;
    private final RpcFrames frames;

    private WsClient(URI base, String query, String authorization) {
        frames = new RpcFrames(this::sendRaw);
        BasicWebSocketConnector c = BasicWebSocketConnector.create().baseUri(base)
                // frames are handled on the connection's event loop, one after another, in arrival order
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING).path("/ws" + (query == null ? "" : "?" + query))
                .onTextMessage((conn, text) -> frames.received(text));
        if (authorization != null) c = c.addHeader("Authorization", authorization);
        connection = c.connectAndAwait();
    }

    static WsClient anonymous(URI base) { return new WsClient(base, null, null); }

    static WsClient withQueryToken(URI base, String token) { return new WsClient(base, "token=" + token, null); }

    static WsClient withHeader(URI base, String token) { return new WsClient(base, null, "Bearer " + token); }

    void sendRaw(String text) { connection.sendTextAndAwait(text); }

    /** Next non-event frame (a response or a pong), events seen meanwhile are kept. */
    JsonNode nextReply() { return frames.nextReply(); }

    /** Sends a call and waits for its response. */
    JsonNode call(String method, ObjectNode params) { return frames.call(method, params); }

    static ObjectNode params() { return RpcFrames.params(); }

    /** Collects event params until a terminal event (completed/failed/cancelled) of the execution. */
    List<JsonNode> eventsUntilTerminal(String executionId, Duration timeout) { return frames.eventsUntilTerminal(executionId, timeout); }

    /** Waits until at least n events arrived. */
    List<JsonNode> awaitEvents(int n, Duration timeout) { return frames.awaitEvents(n, timeout); }

    boolean isOpen() { return connection.isOpen(); }

    @Override
    public void close() {
        connection.closeAndAwait();
    }
}
