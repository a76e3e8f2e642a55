package io.fdl.runtime.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.CloseReason;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * WebSocket abuse (issue 14 item 8) with a real client and small limits: the auth timeout, the
 * per-tenant and per-address caps, the JSON-RPC codes of malformed frames, oversized messages,
 * and connection resets that must not be logged as errors.
 */
@QuarkusTest
@TestProfile(WsAbuseTest.Limits.class)
class WsAbuseTest {
    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // dev mode off: in dev mode a connection without credentials is the dev caller at once
            // (never unauthenticated), so neither the auth timeout nor a per-tenant count would apply
            return Map.of("fdl.ws.auth-timeout", "1s", "fdl.ws.max-per-tenant", "3", "fdl.ws.max-per-address", "6",
                    "fdl.ws.max-message-bytes", "100000", "fdl.dev-mode", "false", "fdl.jwt-secret", TestTokens.DEV_SECRET,
                    "fdl.cors-origins", "https://fdl.example");
        }
    }

    @TestHTTPResource("/")
    URI base;
    @Inject
    WsRegistry registry;

    @BeforeEach
    void noConnectionsLeft() {
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.connections() == 0);
    }

    private static String tokenOf(String tenant) {
        return TestTokens.token(tenant, "viewer");
    }

    @Test
    void anUnauthenticatedConnectionIsClosedAfterTheAuthTimeout() {
        try (WsClient idle = WsClient.anonymous(base); WsClient authed = WsClient.anonymous(base)) {
            assertTrue(authed.call("auth", WsClient.params().put("token", TestTokens.admin())).path("result")
                    .path("authenticated").asBoolean());
            CloseReason r = idle.awaitClose(Duration.ofSeconds(20));
            assertEquals(1008, r.getCode());
            assertTrue(r.getMessage().contains("authentication timeout"), r.getMessage());
            // authenticated in time: still served after the other one timed out
            assertEquals("pong", authed.call("ping", null).path("result").asText());
        }
    }

    @Test
    void connectionsPerTenantAreCapped() {
        String tenant = "cap-" + UUID.randomUUID().toString().substring(0, 8);
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) open.add(WsClient.withHeader(base, tokenOf(tenant)));
            for (WsClient c : open) assertEquals("pong", c.call("ping", null).path("result").asText());
            try (WsClient fourth = WsClient.withHeader(base, tokenOf(tenant))) {
                CloseReason r = fourth.awaitClose(Duration.ofSeconds(10));
                assertEquals(1008, r.getCode());
                assertTrue(r.getMessage().contains("tenant"), r.getMessage());
            }
            // the same through the auth call: the connection is closed instead of answered
            try (WsClient late = WsClient.anonymous(base)) {
                late.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"auth\",\"id\":1,\"params\":{\"token\":\""
                        + tokenOf(tenant) + "\"}}");
                CloseReason r = late.awaitClose(Duration.ofSeconds(10));
                assertEquals(1008, r.getCode());
                assertTrue(r.getMessage().contains("tenant"), r.getMessage());
            }
            // another tenant is not affected
            try (WsClient other = WsClient.withHeader(base, tokenOf("other-" + tenant))) {
                assertEquals("pong", other.call("ping", null).path("result").asText());
            }
        } finally {
            open.forEach(WsClient::close);
        }
    }

    @Test
    void connectionsPerAddressAreCapped() {
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) open.add(WsClient.withHeader(base, tokenOf("addr-" + i)));
            for (WsClient c : open) assertEquals("pong", c.call("ping", null).path("result").asText());
            try (WsClient seventh = WsClient.withHeader(base, tokenOf("addr-7"))) {
                CloseReason r = seventh.awaitClose(Duration.ofSeconds(10));
                assertEquals(1008, r.getCode());
                assertTrue(r.getMessage().contains("address"), r.getMessage());
            }
        } finally {
            open.forEach(WsClient::close);
        }
    }

    @Test
    void malformedFramesHaveTheirJsonRpcCodes() {
        try (WsClient c = WsClient.withHeader(base, TestTokens.admin())) {
            c.sendRaw("");
            assertEquals(-32700, c.nextReply().path("error").path("code").asInt());
            c.sendRaw("   ");
            assertEquals(-32700, c.nextReply().path("error").path("code").asInt());
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1} trailing");
            assertEquals(-32700, c.nextReply().path("error").path("code").asInt());
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1,\"params\":{\"x\":\"a\\u0000\"}}");
            JsonNode nul = c.nextReply().path("error");
            assertEquals(-32602, nul.path("code").asInt());
            assertEquals("INVALID_TEXT", nul.path("data").path("code").asText());
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1,\"params\":{\"x\":1e999999999}}");
            JsonNode big = c.nextReply().path("error");
            assertEquals(-32602, big.path("code").asInt());
            assertEquals("INVALID_REQUEST", big.path("data").path("code").asText());

            assertEquals(-32602, c.call("subscribe", WsClient.params().put("execution_id", "zz")).path("error").path("code").asInt());
            assertEquals(-32602, c.call("subscribe", WsClient.params().putNull("execution_id")).path("error").path("code").asInt());
            assertEquals(-32602, c.call("subscribe", WsClient.params().putNull("flow_id")).path("error").path("code").asInt());
            assertEquals(-32602, c.call("unsubscribe", WsClient.params().put("flow_id", "zz")).path("error").path("code").asInt());
            // none of these became a tenant-wide subscription
            assertEquals(-32002, c.call("unsubscribe", WsClient.params()).path("error").path("code").asInt());
            assertEquals("pong", c.call("ping", null).path("result").asText());
        }
    }

    @Test
    void anOversizedMessageIsClosedWith1009AndAReason() {
        try (WsClient c = WsClient.withHeader(base, TestTokens.admin())) {
            c.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1,\"params\":{\"pad\":\"" + "x".repeat(150_000) + "\"}}");
            CloseReason r = c.awaitClose(Duration.ofSeconds(10));
            assertEquals(1009, r.getCode());
            assertTrue(r.getMessage().contains("too big"), r.getMessage());
        }
    }

    @Test
    void resetConnectionsAreNotLoggedAsErrors() throws Exception {
        List<LogRecord> loud = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) loud.add(r);
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            for (int i = 0; i < 25; i++) resetAfterHandshake(i % 2 == 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> registry.connections() == 0);
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(List.of(), loud.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }

    /** A raw client that upgrades, optionally sends half a frame, then resets the TCP connection (RST). */
    private void resetAfterHandshake(boolean midFrame) throws Exception {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /ws?token=" + TestTokens.admin() + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[1024];
            int n = in.read(buf);
            assertTrue(n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101"));
            if (midFrame) out.write(new byte[]{(byte) 0x81, (byte) 0xFE, 0x10}); // text frame header, payload never sent
            out.flush();
            s.setSoLinger(true, 0); // close → RST instead of FIN
        }
    }
}
