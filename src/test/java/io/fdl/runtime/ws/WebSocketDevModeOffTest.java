package io.fdl.runtime.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.testsupport.DevModeOffProfile;
import io.fdl.runtime.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** api.md §6.1 with dev mode off: a connection without a token must authenticate first. */
@QuarkusTest
@TestProfile(DevModeOffProfile.class)
class WebSocketDevModeOffTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void nothingButAuthIsAnsweredBeforeAuthentication() {
        try (WsClient c = WsClient.anonymous(base)) {
            JsonNode r = c.call("subscribe", WsClient.params().put("execution_id", "00000000-0000-0000-0000-000000000009"));
            assertEquals(-32001, r.path("error").path("code").asInt());
            assertEquals(-32001, c.call("ping", null).path("error").path("code").asInt());
            // the editor's heartbeat is always answered
            c.sendRaw("{\"type\":\"ping\"}");
            assertEquals("pong", c.nextReply().path("type").asText());
            assertEquals(-32001, c.call("auth", WsClient.params().put("token", "not-a-jwt")).path("error").path("code").asInt());
            String forged = TestTokens.sign(TestTokens.claims("x", TestTokens.DEFAULT_TENANT, "default", List.of("admin"),
                    "fdl-runtime", System.currentTimeMillis() / 1000 + 600), "another-secret-another-secret-another", "HS256");
            assertEquals(-32001, c.call("auth", WsClient.params().put("token", forged)).path("error").path("code").asInt());
            JsonNode ok = c.call("auth", WsClient.params().put("token", TestTokens.admin()));
            assertTrue(ok.path("result").path("authenticated").asBoolean());
            assertEquals("pong", c.call("ping", null).path("result").asText());
        }
    }
}
