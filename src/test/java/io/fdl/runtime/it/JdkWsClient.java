package io.fdl.runtime.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.testsupport.RpcFrames;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A plain JDK {@link WebSocket} speaking JSON-RPC to {@code /ws} — what an IT can use against a
 * separate process (the WebSockets Next connector needs CDI).
 */
final class JdkWsClient implements AutoCloseable {
    private final WebSocket socket;
    private final RpcFrames frames;

    private JdkWsClient(WebSocket socket, RpcFrames frames) {
        this.socket = socket;
        this.frames = frames;
    }

    /** Connects to {@code ws://127.0.0.1:port/ws[?query]}, with an Authorization header when given. */
    static JdkWsClient connect(int port, String query, String bearer) {
        WebSocket[] socket = new WebSocket[1];
        RpcFrames frames = new RpcFrames(text -> socket[0].sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join());
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws" + (query == null ? "" : "?" + query));
        socket[0] = b.buildAsync(uri, new Listener(frames)).orTimeout(20, TimeUnit.SECONDS).join();
        return new JdkWsClient(socket[0], frames);
    }

    static ObjectNode params() { return RpcFrames.params(); }

    JsonNode call(String method, ObjectNode params) { return frames.call(method, params); }

    void sendRaw(String text) { socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join(); }

    JsonNode nextReply() { return frames.nextReply(); }

    List<JsonNode> eventsUntilTerminal(String executionId, Duration timeout) { return frames.eventsUntilTerminal(executionId, timeout); }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    /** Reassembles fragmented text messages; hands each complete frame over in arrival order. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final RpcFrames frames;

        Listener(RpcFrames frames) { this.frames = frames; }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                frames.received(text);
            }
            ws.request(1);
            return null;
        }
    }
}
