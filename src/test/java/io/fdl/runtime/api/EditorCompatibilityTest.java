package io.fdl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EditorCompatibilityContract} on the in-memory store, plus the editor's WebSocket client
 * (lib/ws/client.ts) replayed with a real JDK WebSocket: no {@code ?token=}, {@code subscribe}
 * without {@code after_seq} after the run started, {@code flow.list}, {@code flow.get}, the bare
 * {@code {"type":"ping"}} heartbeat.
 */
@QuarkusTest
class EditorCompatibilityTest extends EditorCompatibilityContract {

    @TestHTTPResource("/ws")
    URI ws;

    /** A flow that takes a while (a wait) so the client subscribes mid-run, as the editor does. */
    static final String SLOW = """
            {'meta': {'name': 'slow'}, 'nodes': [
              {'id': 'mapping-1', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'label': 'first', 'with': '1'}},
              {'id': 'delay-1796175816547', 'type': 'delay', 'data': {'nodeType': 'delay', 'wait': '400ms'}},
              {'id': 'mapping-2', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': 'mapping_1 + 1'}}],
             'edges': [{'id': 'a', 'source': 'mapping-1', 'target': 'delay-1796175816547'},
                       {'id': 'b', 'source': 'delay-1796175816547', 'target': 'mapping-2'}]}
            """;

    static final class Client implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private int ids;

        Client(URI uri) {
            URI wsUri = URI.create(uri.toString().replaceFirst("^http", "ws"));
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(wsUri, this).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(json(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        JsonNode call(String method, String params) {
            int id = ++ids;
            send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":" + id + "}");
            return next(m -> m.path("id").asInt(-1) == id);
        }

        JsonNode next(java.util.function.Predicate<JsonNode> wanted) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                try {
                    JsonNode m = inbox.poll(200, TimeUnit.MILLISECONDS);
                    if (m != null && wanted.test(m)) return m;
                    if (m != null) pushed.add(m);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("no such frame within 20 s");
        }

        final List<JsonNode> pushed = new ArrayList<>();

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "Client disconnect").join();
        }
    }

    @Test
    void subscribeWithoutAfterSeqDuringARunDeliversFromSeqOneAndTheFlowMethodsAnswer() {
        String executionId = editor().body(Map.of("flow", json(SLOW), "inputs", Map.of(), "async_mode", true))
                .post("/api/execute/run").then().statusCode(202).extract().path("execution_id");
        try (Client c = new Client(ws)) { // no ?token=: dev mode
            JsonNode sub = c.call("subscribe", "{\"execution_id\":\"" + executionId + "\"}");
            assertTrue(sub.path("result").path("subscribed").asBoolean(), sub.toString());
            List<JsonNode> events = new ArrayList<>();
            for (JsonNode m : c.pushed) if ("execution.event".equals(m.path("result").path("method").asText())) events.add(m);
            while (events.isEmpty() || !events.get(events.size() - 1).path("result").path("params").path("event_type").asText().equals("completed")) {
                events.add(c.next(m -> "execution.event".equals(m.path("result").path("method").asText())));
            }
            List<JsonNode> params = events.stream().map(m -> m.path("result").path("params")).toList();
            assertContiguousFromOne(params);
            for (JsonNode p : params) {
                if (p.hasNonNull("node_id")) {
                    // the progress hook reads event.data.node_id: the editor's id, inside data too
                    assertEquals(p.path("node_id").asText(), p.path("data").path("node_id").asText(), p.toString());
                    assertTrue(List.of("mapping-1", "delay-1796175816547", "mapping-2").contains(p.path("node_id").asText()), p.toString());
                }
            }
            assertTrue(params.stream().anyMatch(p -> "first".equals(p.path("data").path("node_name").asText())));
            // the heartbeat
            c.send("{\"type\":\"ping\"}");
            assertEquals("pong", c.next(m -> m.has("type")).path("type").asText());

            String flowId = createFlow("ws flow " + System.nanoTime());
            autosave(flowId, json(SLOW)).statusCode(201);
            JsonNode list = c.call("flow.list", "{}").path("result");
            assertTrue(list.path("total").asInt() >= 1, list.toString());
            assertTrue(list.path("flows").findValuesAsText("id").contains(flowId), list.toString());
            JsonNode flow = c.call("flow.get", "{\"flow_id\":\"" + flowId + "\"}").path("result");
            assertEquals(flowId, flow.path("id").asText());
            assertEquals("delay-1796175816547", flow.path("data").path("nodes").get(1).path("id").asText());
            assertNotNull(flow.get("latest_version_id"));
            assertEquals(-32002, c.call("flow.get", "{\"flow_id\":\"00000000-0000-0000-0000-00000000abcd\"}").path("error").path("code").asInt());
        }
        // the status the editor polls names the editor's ids too
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                "completed".equals(editor().get("/api/execute/status/" + executionId).then().statusCode(200)
                        .extract().path("status")));
        editor().get("/api/execute/status/" + executionId).then().statusCode(200)
                .body("result.node_results", org.hamcrest.Matchers.hasKey("mapping-2"))
                .body("current_node", org.hamcrest.Matchers.nullValue());
    }
}
