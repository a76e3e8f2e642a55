package io.fdl.runtime.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.health.DatabaseDownProfile;
import io.fdl.runtime.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 15 item 1's finding, fixed: with the database unreachable, a WebSocket call answers like
 * REST's 503 STORAGE_UNAVAILABLE (−32000, {@code data.code}, {@code retry_after}), not −32603.
 */
@QuarkusTest
@TestProfile(DatabaseDownProfile.class)
class WsStorageDownTest {
    @TestHTTPResource("/")
    URI base;

    @Test
    void anUnavailableStoreIsReportedAsSuch() {
        try (WsClient c = WsClient.withHeader(base, TestTokens.admin())) {
            JsonNode error = c.call("execute.status", WsClient.params().put("execution_id", UUID.randomUUID().toString()))
                    .path("error");
            assertEquals(-32000, error.path("code").asInt());
            assertEquals("STORAGE_UNAVAILABLE", error.path("data").path("code").asText());
            assertEquals(5, error.path("data").path("retry_after").asInt());
        }
    }
}
