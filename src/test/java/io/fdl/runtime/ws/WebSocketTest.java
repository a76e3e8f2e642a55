package io.fdl.runtime.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/** /ws with a real WebSocket client against the running application (api.md §6). */
@QuarkusTest
public class WebSocketTest {
    static final String TENANT_B = "tenant-b";

    public static final String EVENTS_FLOW = """
            flow:
                name: ws events
                args:
                    in:
                        items: int[]
                node:
                    a:
                        with: "'A'"
                        next: join
                    b:
                        with: "'B'"
                        next: join
                    join:
                        with: a + b
                        next: sum
                    sum:
                        each: items => it
                        vars: total = 0
                        node:
                            add:
                                with: it * 2
                                sets: total = total + it * 2
                        with: total
                        next: boom
                    boom:
                        with: 1 / 0
            """;

    static final String SLOW_FLOW = """
            flow:
                name: ws slow
                node:
                    w1:
                        wait: 400ms
                        next: m1
                    m1:
                        with: 1
                        next: w2
                    w2:
                        wait: 400ms
                        next: m2
                    m2:
                        with: 2
                        next: w3
                    w3:
                        wait: 400ms
                        next: m3
                    m3:
                        with: 3
            """;

    /** Many events quickly: a slow reader falls behind. */
    static final String CHATTY_FLOW = """
            flow:
                name: ws chatty
                args:
                    in:
                        items: int[]
                node:
                    many:
                        each: items => i
                        node:
                            step:
                                with: pad = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', i = i
            """;

    @TestHTTPResource("/")
    URI base;

    @Inject
    WsRegistry registry;

    static String flowWithVersion(String token, String yaml) {
        String flowId = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "ws-" + System.nanoTime()))
                .post("/api/flows").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("fdl", yaml))
                .post("/api/flows/" + flowId + "/versions").then().statusCode(201);
        return flowId;
    }

    @Test
    void inDevModeAConnectionWithoutATokenIsTheDevCaller() {
        // the editor connects without ?token= (editor-json.md §6); dev mode off: WebSocketDevModeOffTest
        try (WsClient c = WsClient.anonymous(base)) {
            assertEquals("pong", c.call("ping", null).path("result").asText());
            JsonNode r = c.call("subscribe", WsClient.params());
            assertTrue(r.path("result").path("subscribed").asBoolean(), r.toString()); // tenant-wide: needs admin
            assertEquals(TestTokens.DEFAULT_TENANT, r.path("result").path("tenant_id").asText());
        }
    }

    @Test
    void tokenOnTheUrlOrHeaderAuthenticatesAndABadOneIsRefusedAtUpgrade() {
        try (WsClient c = WsClient.withQueryToken(base, TestTokens.admin())) {
            assertEquals("pong", c.call("ping", null).path("result").asText());
            int connections = given().get("/api/health/detailed").then().statusCode(200).extract().path("websocket.connections");
            assertTrue(connections >= 1, "open sockets are reported by /api/health/detailed");
            assertTrue(given().get("/q/metrics").then().extract().asString().contains("fdl_websocket_connections"));
        }
        try (WsClient c = WsClient.withHeader(base, TestTokens.token(TestTokens.DEFAULT_TENANT, "viewer"))) {
            assertEquals("pong", c.call("ping", null).path("result").asText());
        }
        String expired = TestTokens.sign(TestTokens.claims("x", TestTokens.DEFAULT_TENANT, "default", List.of("admin"),
                "fdl-runtime", System.currentTimeMillis() / 1000 - 3600), TestTokens.DEV_SECRET, "HS256");
        Exception e = assertThrows(Exception.class, () -> WsClient.withQueryToken(base, expired).close());
        assertTrue(e instanceof CompletionException || e.getMessage() != null);
    }

    @Test
    void protocolErrorsHaveTheirCodes() {
        try (WsClient c = WsClient.withQueryToken(base, TestTokens.admin())) {
            c.sendRaw("{not json");
            assertEquals(-32700, c.nextReply().path("error").path("code").asInt());
            c.sendRaw("[1,2]");
            assertEquals(-32600, c.nextReply().path("error").path("code").asInt());
            c.sendRaw("{\"jsonrpc\":\"1.0\",\"method\":\"ping\",\"id\":1}");
            assertEquals(-32600, c.nextReply().path("error").path("code").asInt());
            assertEquals(-32601, c.call("nope", null).path("error").path("code").asInt());
            assertEquals(-32602, c.call("subscribe", WsClient.params().put("execution_id", 42)).path("error").path("code").asInt());
            assertEquals(-32602, c.call("subscribe", WsClient.params().put("execution_id", "00000000-0000-0000-0000-000000000009")
                    .put("after_seq", -1)).path("error").path("code").asInt());
            assertEquals(-32002, c.call("subscribe", WsClient.params().put("execution_id", "00000000-0000-0000-0000-000000000009"))
                    .path("error").path("code").asInt());
            assertEquals(-32002, c.call("unsubscribe", WsClient.params().put("flow_id", "00000000-0000-0000-0000-000000000009"))
                    .path("error").path("code").asInt());
            assertEquals(-32602, c.call("execute.status", WsClient.params().put("execution_id", "not-a-uuid"))
                    .path("error").path("code").asInt());
        }
    }

    @Test
    void executeStreamsEveryEventInOrderForParallelEachAndFailure() {
        String token = TestTokens.admin();
        String flowId = flowWithVersion(token, EVENTS_FLOW);
        try (WsClient c = WsClient.withQueryToken(base, token)) {
            JsonNode started = c.call("execute", WsClient.params().put("flow_id", flowId)
                    .set("inputs", WsClient.params().set("items", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(List.of(1, 2, 3)))));
            String executionId = started.path("result").path("execution_id").asText();
            assertFalse(executionId.isEmpty(), started.toString());
            List<JsonNode> events = c.eventsUntilTerminal(executionId, Duration.ofSeconds(20));
            for (int i = 0; i < events.size(); i++) {
                assertEquals(i + 1, events.get(i).path("seq").asLong(), "contiguous seq from 1: " + events);
                assertEquals(executionId, events.get(i).path("execution_id").asText());
                assertTrue(events.get(i).hasNonNull("timestamp"));
            }
            assertEquals("started", events.get(0).path("event_type").asText());
            assertEquals("failed", events.get(events.size() - 1).path("event_type").asText());
            List<String> completed = new ArrayList<>();
            for (JsonNode e : events) if (e.path("event_type").asText().equals("node_completed")) completed.add(e.path("node_id").asText());
            assertTrue(completed.containsAll(List.of("a", "b", "join", "sum")), completed.toString());
            assertTrue(events.stream().anyMatch(e -> e.path("event_type").asText().equals("node_failed")
                    && e.path("node_id").asText().equals("boom")), events.toString());
            JsonNode sumDone = events.stream().filter(e -> e.path("event_type").asText().equals("node_completed")
                    && e.path("node_id").asText().equals("sum")).findFirst().orElseThrow();
            assertEquals(12, sumDone.path("data").path("output").asInt());

            JsonNode status = c.call("execute.status", WsClient.params().put("execution_id", executionId));
            assertEquals("failed", status.path("result").path("status").asText());
            assertEquals(-32000, c.call("execute.cancel", WsClient.params().put("execution_id", executionId))
                    .path("error").path("code").asInt(), "cancelling a finished execution is an execution error");
        }
    }

    @Test
    void resumeAfterADisconnectHasNoGapAndNoDuplicate() {
        String token = TestTokens.admin();
        String flowId = flowWithVersion(token, SLOW_FLOW);
        String executionId;
        List<JsonNode> first;
        try (WsClient c = WsClient.withQueryToken(base, token)) {
            executionId = c.call("execute", WsClient.params().put("flow_id", flowId)).path("result").path("execution_id").asText();
            first = c.awaitEvents(3, Duration.ofSeconds(10));
        }
        long lastSeq = first.get(first.size() - 1).path("seq").asLong();
        try (WsClient c = WsClient.withQueryToken(base, token)) {
            JsonNode r = c.call("subscribe", WsClient.params().put("execution_id", executionId).put("after_seq", lastSeq));
            assertTrue(r.path("result").path("subscribed").asBoolean(), r.toString());
            List<JsonNode> rest = c.eventsUntilTerminal(executionId, Duration.ofSeconds(20));
            List<JsonNode> all = new ArrayList<>(first);
            all.addAll(rest);
            for (int i = 0; i < all.size(); i++) assertEquals(i + 1, all.get(i).path("seq").asLong(), "no gap, no duplicate: " + all);
            assertEquals("completed", all.get(all.size() - 1).path("event_type").asText());
            assertEquals(3, all.get(all.size() - 1).path("data").path("outputs").asInt());
        }
        // after the end, a late subscriber with after_seq=0 gets the whole persisted log
        try (WsClient c = WsClient.withQueryToken(base, token)) {
            c.call("subscribe", WsClient.params().put("execution_id", executionId).put("after_seq", 0));
            List<JsonNode> replay = c.eventsUntilTerminal(executionId, Duration.ofSeconds(10));
            assertEquals(1, replay.get(0).path("seq").asLong());
        }
    }

    @Test
    void anotherTenantsExecutionAndFlowAreNotFoundAndTenantWideNeedsAdmin() {
        String tokenA = TestTokens.admin();
        String flowId = flowWithVersion(tokenA, SLOW_FLOW);
        String executionId;
        try (WsClient a = WsClient.withQueryToken(base, tokenA)) {
            executionId = a.call("execute", WsClient.params().put("flow_id", flowId)).path("result").path("execution_id").asText();
        }
        try (WsClient b = WsClient.withQueryToken(base, TestTokens.token(TENANT_B, "admin"))) {
            assertEquals(-32002, b.call("subscribe", WsClient.params().put("execution_id", executionId)).path("error").path("code").asInt());
            assertEquals(-32002, b.call("subscribe", WsClient.params().put("flow_id", flowId)).path("error").path("code").asInt());
            assertEquals(-32002, b.call("execute.status", WsClient.params().put("execution_id", executionId)).path("error").path("code").asInt());
            assertEquals(-32002, b.call("execute.cancel", WsClient.params().put("execution_id", executionId)).path("error").path("code").asInt());
            assertEquals(-32002, b.call("execute", WsClient.params().put("flow_id", flowId)).path("error").path("code").asInt());
        }
        try (WsClient viewer = WsClient.withQueryToken(base, TestTokens.token(TestTokens.DEFAULT_TENANT, "viewer"))) {
            assertEquals(-32001, viewer.call("subscribe", WsClient.params()).path("error").path("code").asInt());
            assertEquals(-32001, viewer.call("execute", WsClient.params().put("flow_id", flowId)).path("error").path("code").asInt());
            assertTrue(viewer.call("subscribe", WsClient.params().put("flow_id", flowId)).path("result").path("subscribed").asBoolean());
            assertTrue(viewer.call("unsubscribe", WsClient.params().put("flow_id", flowId)).path("result").path("unsubscribed").asBoolean());
        }
    }

    @Test
    void aFlowSubscriptionSeesNewExecutionsAndCancelWorks() {
        String token = TestTokens.admin();
        String flowId = flowWithVersion(token, SLOW_FLOW);
        try (WsClient c = WsClient.withQueryToken(base, token)) {
            assertTrue(c.call("subscribe", WsClient.params().put("flow_id", flowId)).path("result").path("subscribed").asBoolean());
            String executionId = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("async_mode", true))
                    .post("/api/execute/" + flowId).then().statusCode(202).extract().path("execution_id");
            c.awaitEvents(1, Duration.ofSeconds(10));
            JsonNode cancel = c.call("execute.cancel", WsClient.params().put("execution_id", executionId));
            assertEquals("cancelled", cancel.path("result").path("status").asText(), cancel.toString());
            List<JsonNode> events = c.eventsUntilTerminal(executionId, Duration.ofSeconds(10));
            assertEquals("cancelled", events.get(events.size() - 1).path("event_type").asText());
        }
    }

    /** A client that stops reading is cut off; the server does not buffer without bound. */
    @Test
    void aSlowConsumerIsDisconnectedInsteadOfBufferedWithoutBound() throws Exception {
        String token = TestTokens.admin();
        String flowId = flowWithVersion(token, CHATTY_FLOW);
        int before = registry.connections();
        try (Socket raw = new Socket()) {
            raw.setReceiveBufferSize(4096);
            raw.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            OutputStream out = raw.getOutputStream();
            out.write(("GET /ws?token=" + token + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = raw.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            await().atMost(Duration.ofSeconds(5)).until(() -> registry.connections() == before + 1);
            String executionId = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("async_mode", true, "inputs", Map.of("items", java.util.stream.IntStream.range(0, 8000).boxed().toList())))
                    .post("/api/execute/" + flowId).then().statusCode(202).extract().path("execution_id");
            writeMaskedText(out, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\",\"params\":{\"execution_id\":\""
                    + executionId + "\",\"after_seq\":0}}");
            // never read: the server must give up on this connection by itself
            await().atMost(Duration.ofSeconds(60)).until(() -> registry.connections() == before);
            // the run itself is not hurt by the slow reader
            await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(given().auth().oauth2(token)
                    .get("/api/execute/status/" + executionId).then().extract().path("status")));
            // the last frame the client gets is a close frame with code 1008
            assertEquals(1008, lastCloseCode(in));
        }
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            sb.append((char) b);
        }
        return sb.toString();
    }

    private static void writeMaskedText(OutputStream out, String text) throws Exception {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        out.write(0x81);
        if (payload.length < 126) out.write(0x80 | payload.length);
        else { out.write(0x80 | 126); out.write(payload.length >> 8); out.write(payload.length & 0xff); }
        out.write(mask);
        for (int i = 0; i < payload.length; i++) out.write(payload[i] ^ mask[i % 4]);
        out.flush();
    }

    /** Reads frames until the close frame and returns its status code (-1 if the stream ends first). */
    private static int lastCloseCode(InputStream in) throws Exception {
        java.io.DataInputStream d = new java.io.DataInputStream(new java.io.BufferedInputStream(in));
        while (true) {
            int b0 = d.read();
            if (b0 < 0) return -1;
            int b1 = d.readUnsignedByte();
            long len = b1 & 0x7f;
            if (len == 126) len = d.readUnsignedShort();
            else if (len == 127) len = d.readLong();
            byte[] payload = new byte[(int) len];
            d.readFully(payload);
            if ((b0 & 0x0f) == 0x8) return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }
    }
}
