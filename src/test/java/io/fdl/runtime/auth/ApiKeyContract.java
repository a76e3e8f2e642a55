package io.fdl.runtime.auth;

import io.fdl.runtime.store.ApiKey;
import io.fdl.runtime.store.ApiKeyRepository;
import io.fdl.runtime.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;

/**
 * API keys and the published-flow API (api.md §7), tenant quotas (§9): key lifecycle, every
 * {@code /api/v1} error code, rate limit, webhook, isolation. Memory: {@link ApiKeyTest};
 * PostgreSQL: {@link ApiKeyPostgresTest}.
 */
public abstract class ApiKeyContract {
    public static final String ECHO = """
            flow:
                name: echo
                args:
                    in:
                        name: string = 'world'
                        webhook: any = null
                node:
                    out:
                        with: greeting = 'Hi ' + name, hook = webhook, tenant = tenantId, bu = buCode
            """;
    static final String SLOW = """
            flow:
                name: slow
                node:
                    pause:
                        wait: 3s
                        next: done

                    done:
                        with: finished = true
            """;

    @Inject
    ApiKeyRepository keyRepository;

    static String tenant() { return "k-" + UUID.randomUUID().toString().substring(0, 8); }

    static RequestSpecification as(String tenant, String role) {
        return given().header("Authorization", "Bearer " + TestTokens.token(tenant, role)).contentType(ContentType.JSON);
    }

    /** Creates a flow with one version through the flow API; publishes it when asked. */
    static String flow(String tenant, String yaml, boolean publish) {
        String id = as(tenant, "editor").body(Map.of("name", "f-" + UUID.randomUUID())).post("/api/flows")
                .then().statusCode(201).extract().path("id");
        String version = as(tenant, "editor").body(Map.of("fdl", yaml)).post("/api/flows/" + id + "/versions")
                .then().statusCode(201).extract().path("id");
        if (publish) {
            as(tenant, "editor").body(Map.of("version_id", version)).post("/api/flows/" + id + "/publish")
                    .then().statusCode(200);
        }
        return id;
    }

    static String createKey(String tenant, String flowId, Map<String, Object> body) {
        return as(tenant, "admin").body(body).post("/api/flows/" + flowId + "/api-keys").then().statusCode(201)
                .extract().path("key");
    }

    static RequestSpecification withKey(String key) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON);
    }

    // ---- management ----------------------------------------------------------------------------

    @Test
    void keyLifecycle() {
        String t = tenant();
        String flowId = flow(t, ECHO, true);
        var created = as(t, "admin").body(Map.of("name", "crm", "description", "CRM integration"))
                .post("/api/flows/" + flowId + "/api-keys").then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("key", matchesPattern("fk_" + flowId.substring(0, 8) + "_[0-9a-f]{32}"))
                .body("rate_limit", is(100)).body("is_active", is(true)).body("expires_at", nullValue())
                .body("flow_id", is(flowId)).body("name", is("crm")).body("description", is("CRM integration"))
                .extract();
        String key = created.path("key");
        String keyId = created.path("id");
        org.junit.jupiter.api.Assertions.assertEquals(key.substring(0, 16), created.path("key_prefix"));

        as(t, "admin").get("/api/flows/" + flowId + "/api-keys").then().statusCode(200)
                .body("total", is(1)).body("api_keys[0].id", is(keyId)).body("api_keys[0]", not(hasKey("key")))
                .body("api_keys[0]", not(hasKey("key_hash"))).body("api_keys[0].last_used_at", nullValue());

        // the key runs the published version, as the key's tenant
        withKey(key).body(Map.of("inputs", Map.of("name", "Ann"), "wait", true))
                .post("/api/v1/flows/" + flowId + "/execute").then().statusCode(200)
                .body("status", is("completed")).body("outputs.greeting", is("Hi Ann"))
                .body("outputs.tenant", is(TenantIds.toUuid(t))).body("outputs.bu", is("default"))
                .body("error", nullValue()).body("duration_ms", greaterThanOrEqualTo(0))
                .body("execution_id", notNullValue());
        // Authorization: Bearer works too (any case of the scheme)
        given().header("Authorization", "bearer " + key).contentType(ContentType.JSON)
                .body(Map.of("wait", true)).post("/api/v1/flows/" + flowId + "/execute").then().statusCode(200)
                .body("outputs.greeting", is("Hi world"));

        as(t, "admin").get("/api/flows/" + flowId + "/api-keys").then().body("api_keys[0].last_used_at", notNullValue());
        as(t, "admin").queryParam("event_type", "apikey.create").get("/api/audit").then()
                .body("total", is(1)).body("entries[0].resource_id", is(keyId))
                .body("entries[0].details.key_prefix", is(key.substring(0, 16)))
                .body("entries[0].details", not(hasKey("key")));

        as(t, "admin").delete("/api/flows/" + flowId + "/api-keys/" + keyId).then().statusCode(200)
                .body("success", is(true)).body("deleted_id", is(keyId));
        withKey(key).body(Map.of()).post("/api/v1/flows/" + flowId + "/execute").then().statusCode(401)
                .body("code", is("invalid_api_key"));
        as(t, "admin").delete("/api/flows/" + flowId + "/api-keys/" + keyId).then().statusCode(404);
        as(t, "admin").queryParam("event_type", "apikey.delete").get("/api/audit").then().body("total", is(1));
    }

    @Test
    void creationRules() {
        String t = tenant();
        String unpublished = flow(t, ECHO, false);
        as(t, "admin").body(Map.of("name", "k")).post("/api/flows/" + unpublished + "/api-keys").then()
                .statusCode(400).body("code", is("FLOW_NOT_PUBLISHED"));
        as(t, "admin").body(Map.of("name", "k")).post("/api/flows/" + UUID.randomUUID() + "/api-keys").then()
                .statusCode(404);
        as(t, "admin").body(Map.of("name", "k")).post("/api/flows/not-a-uuid/api-keys").then().statusCode(404);
        String published = flow(t, ECHO, true);
        as(t, "admin").body(Map.of("name", "k", "rate_limit", 0)).post("/api/flows/" + published + "/api-keys")
                .then().statusCode(400).body("error", containsString("rate_limit"));
        as(t, "admin").body(Map.of("name", "k", "expires_in_days", 0)).post("/api/flows/" + published + "/api-keys")
                .then().statusCode(400).body("error", containsString("expires_in_days"));
        as(t, "admin").body(Map.of("description", "no name")).post("/api/flows/" + published + "/api-keys")
                .then().statusCode(400);
        as(t, "admin").body("{\"name\": ").post("/api/flows/" + published + "/api-keys").then().statusCode(400);
        as(t, "admin").body(Map.of("name", "k", "rate_limit", "many")).post("/api/flows/" + published + "/api-keys")
                .then().statusCode(400);
        as(t, "admin").body(Map.of("name", "k", "expires_in_days", 30, "rate_limit", 5))
                .post("/api/flows/" + published + "/api-keys").then().statusCode(201)
                .body("expires_at", notNullValue()).body("rate_limit", is(5));
        // editors may not manage keys
        as(t, "editor").body(Map.of("name", "k")).post("/api/flows/" + published + "/api-keys").then().statusCode(403);
    }

    @Test
    void tenantIsolation() {
        String a = tenant();
        String b = tenant();
        String flowA = flow(a, ECHO, true);
        String keyIdA = as(a, "admin").body(Map.of("name", "k")).post("/api/flows/" + flowA + "/api-keys")
                .then().statusCode(201).extract().path("id");
        as(b, "admin").get("/api/flows/" + flowA + "/api-keys").then().statusCode(404).body("code", is("NOT_FOUND"));
        as(b, "admin").body(Map.of("name", "k")).post("/api/flows/" + flowA + "/api-keys").then().statusCode(404);
        as(b, "admin").delete("/api/flows/" + flowA + "/api-keys/" + keyIdA).then().statusCode(404);
        // B's own flow does not reach A's key either
        String flowB = flow(b, ECHO, true);
        as(b, "admin").delete("/api/flows/" + flowB + "/api-keys/" + keyIdA).then().statusCode(404);
        as(a, "admin").get("/api/flows/" + flowA + "/api-keys").then().body("total", is(1));
    }

    // ---- /api/v1 error codes -------------------------------------------------------------------

    @Test
    void v1ErrorCodes() {
        String t = tenant();
        String flowId = flow(t, ECHO, true);
        String other = flow(t, ECHO, true);
        String key = createKey(t, flowId, Map.of("name", "k"));
        String exec = "/api/v1/flows/" + flowId + "/execute";

        given().contentType(ContentType.JSON).body(Map.of()).post(exec).then().statusCode(401)
                .body("code", is("missing_api_key")).body("error", not(emptyOrNullString()));
        withKey("nonsense").body(Map.of()).post(exec).then().statusCode(401).body("code", is("invalid_api_key"));
        withKey("fk_" + flowId.substring(0, 8) + "_" + "0".repeat(32)).body(Map.of()).post(exec).then()
                .statusCode(401).body("code", is("invalid_api_key"));
        // a JWT is not an API key
        given().header("Authorization", "Bearer " + TestTokens.admin()).contentType(ContentType.JSON).body(Map.of())
                .post(exec).then().statusCode(401).body("code", is("invalid_api_key"));

        withKey(key).body(Map.of()).post("/api/v1/flows/" + other + "/execute").then().statusCode(403)
                .body("code", is("flow_mismatch"));
        withKey(key).body(Map.of()).post("/api/v1/flows/not-a-uuid/execute").then().statusCode(403)
                .body("code", is("flow_mismatch"));
        withKey(key).body(Map.of()).post("/api/v1/webhook/" + other).then().statusCode(403)
                .body("code", is("flow_mismatch"));

        as(t, "editor").post("/api/flows/" + flowId + "/unpublish").then().statusCode(200);
        withKey(key).body(Map.of()).post(exec).then().statusCode(403).body("code", is("flow_not_published"));
        withKey(key).body(Map.of()).post("/api/v1/webhook/" + flowId).then().statusCode(403)
                .body("code", is("flow_not_published"));

        // inactive / expired keys (no API turns a key off, so they are stored directly)
        UUID tenantId = UUID.fromString(TenantIds.toUuid(t));
        String inactive = storedKey(tenantId, UUID.fromString(other), false, null);
        String expired = storedKey(tenantId, UUID.fromString(other), true, Instant.now().minusSeconds(5));
        withKey(inactive).body(Map.of()).post("/api/v1/flows/" + other + "/execute").then().statusCode(403)
                .body("code", is("key_inactive"));
        withKey(expired).body(Map.of()).post("/api/v1/flows/" + other + "/execute").then().statusCode(403)
                .body("code", is("key_expired"));

        // a deleted flow takes its keys with it
        String gone = flow(t, ECHO, true);
        String goneKey = createKey(t, gone, Map.of("name", "k"));
        as(t, "editor").delete("/api/flows/" + gone).then().statusCode(200);
        withKey(goneKey).body(Map.of()).post("/api/v1/flows/" + gone + "/execute").then().statusCode(401)
                .body("code", is("invalid_api_key"));
    }

    String storedKey(UUID tenantId, UUID flowId, boolean active, Instant expiresAt) {
        String plain = "fk_" + flowId.toString().substring(0, 8) + "_" + UUID.randomUUID().toString().replace("-", "");
        keyRepository.create(new ApiKey(UUID.randomUUID(), tenantId, flowId, "stored", null, plain.substring(0, 16),
                ApiKeyService.sha256(plain), 100, active, expiresAt, null, null)).await().atMost(Duration.ofSeconds(20));
        return plain;
    }

    @Test
    void rateLimitPerKeyPerMinute() {
        String t = tenant();
        String flowId = flow(t, ECHO, true);
        String key = createKey(t, flowId, Map.of("name", "k", "rate_limit", 2));
        String other = createKey(t, flowId, Map.of("name", "k2", "rate_limit", 2));
        String exec = "/api/v1/flows/" + flowId + "/execute";
        // two in one minute pass; the third is refused until the window ends (a test started at
        // second 59 could straddle two windows, hence "at most" two more successes)
        int ok = 0;
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 5; i++) {
            var r = withKey(key).body(Map.of()).post(exec).then().extract();
            if (r.statusCode() == 202) ok++;
            else {
                org.junit.jupiter.api.Assertions.assertEquals(429, r.statusCode());
                org.junit.jupiter.api.Assertions.assertEquals("rate_limited", r.path("code"));
                retryAfter = r.header("Retry-After");
                limited++;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(ok >= 2 && ok <= 4, "successes: " + ok);
        org.junit.jupiter.api.Assertions.assertTrue(limited >= 1);
        int seconds = Integer.parseInt(retryAfter);
        org.junit.jupiter.api.Assertions.assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + seconds);
        // budgets are per key
        withKey(other).body(Map.of()).post(exec).then().statusCode(202);
    }

    // ---- execution and webhook ------------------------------------------------------------------

    @Test
    void asyncExecuteAndWebhook() {
        String t = tenant();
        String flowId = flow(t, ECHO, true);
        String key = createKey(t, flowId, Map.of("name", "k"));
        String id = withKey(key).body(Map.of("inputs", Map.of("name", "Bo"))).post("/api/v1/flows/" + flowId + "/execute")
                .then().statusCode(202).body("status", anyOf(is("running"), is("pending"), is("completed")))
                .extract().path("execution_id");
        awaitCompleted(t, id).body("result.outputs.greeting", is("Hi Bo"));

        String hook = withKey(key).body(Map.of("event", "order.created", "data", Map.of("order", 42)))
                .post("/api/v1/webhook/" + flowId).then().statusCode(202)
                .body("received", is(true)).extract().path("execution_id");
        awaitCompleted(t, hook).body("result.outputs.hook.event", is("order.created"))
                .body("result.outputs.hook.data.order", is(42));
        // an idempotent retry of a webhook delivery starts nothing new
        String first = withKey(key).header("Idempotency-Key", "delivery-1").body(Map.of("event", "e"))
                .post("/api/v1/webhook/" + flowId).then().statusCode(202).extract().path("execution_id");
        withKey(key).header("Idempotency-Key", "delivery-1").body(Map.of("event", "e"))
                .post("/api/v1/webhook/" + flowId).then().statusCode(202).body("execution_id", is(first));
    }

    @Test
    void waitShorterThanTheRunAnswers202AndTheRunGoesOn() {
        String t = tenant();
        String flowId = flow(t, SLOW, true);
        String key = createKey(t, flowId, Map.of("name", "k"));
        String id = withKey(key).body(Map.of("wait", true, "timeout", 1)).post("/api/v1/flows/" + flowId + "/execute")
                .then().statusCode(202).body("status", anyOf(is("running"), is("waiting")))
                .body("outputs", nullValue()).extract().path("execution_id");
        awaitCompleted(t, id).body("result.outputs.finished", is(true));
    }

    @Test
    void malformedV1Bodies() {
        String t = tenant();
        String flowId = flow(t, ECHO, true);
        String key = createKey(t, flowId, Map.of("name", "k", "rate_limit", 1000));
        String exec = "/api/v1/flows/" + flowId + "/execute";
        withKey(key).body("{\"inputs\": ").post(exec).then().statusCode(400).contentType(ContentType.JSON);
        withKey(key).body("[1, 2]").post(exec).then().statusCode(400);
        withKey(key).body(Map.of("inputs", "text")).post(exec).then().statusCode(400).body("code", is("INVALID_REQUEST"));
        withKey(key).body(Map.of("inputs", Map.of("name", 5, "x", 1), "wait", true)).post(exec).then()
                .statusCode(anyOf(is(200), is(400)));
        withKey(key).body(Map.of("timeout", 0)).post(exec).then().statusCode(400);
        withKey(key).body(Map.of("timeout", 301)).post(exec).then().statusCode(400);
        withKey(key).body(Map.of("wait", "yes please")).post(exec).then().statusCode(400);
        withKey(key).header("Idempotency-Key", "x".repeat(201)).body(Map.of()).post(exec).then().statusCode(400);
        withKey(key).body(Map.of("event", "e".repeat(201))).post("/api/v1/webhook/" + flowId).then().statusCode(400);
        withKey(key).body("\"just a string\"").post("/api/v1/webhook/" + flowId).then().statusCode(400);
    }

    @Test
    void oversizedBodiesAre413() {
        String t = tenant();
        String big = "{\"username\": \"" + "a".repeat(1_100_000) + "\", \"password\": \"long enough\"}";
        as(t, "admin").body(big).post("/api/users").then().statusCode(413).contentType(ContentType.JSON);
        given().contentType(ContentType.JSON).body(big).post("/api/auth/login").then().statusCode(413);
        given().contentType(ContentType.JSON).header("X-API-Key", "x").body(big)
                .post("/api/v1/flows/" + UUID.randomUUID() + "/execute").then().statusCode(413);
    }

    // ---- quotas ---------------------------------------------------------------------------------

    @Test
    void quotasAreEnforced() {
        String t = tenant();
        String su = "Bearer " + TestTokens.token("default", "superadmin");
        given().header("Authorization", su).contentType(ContentType.JSON)
                .body(Map.of("id", t, "name", "quota " + t, "max_flows", 1, "max_executions_per_day", 1))
                .post("/api/tenants").then().statusCode(201);
        String flowId = flow(t, ECHO, true);
        as(t, "editor").body(Map.of("name", "second")).post("/api/flows").then().statusCode(429)
                .body("code", is("QUOTA_EXCEEDED")).header("Retry-After", notNullValue())
                .body("details.quota", is("max_flows")).body("details.limit", is(1));
        String key = createKey(t, flowId, Map.of("name", "k"));
        withKey(key).body(Map.of("wait", true)).post("/api/v1/flows/" + flowId + "/execute").then().statusCode(200);
        var r = withKey(key).body(Map.of("wait", true)).post("/api/v1/flows/" + flowId + "/execute").then()
                .statusCode(429).body("code", is("QUOTA_EXCEEDED")).body("details.quota", is("max_executions_per_day"))
                .extract();
        int retry = Integer.parseInt(r.header("Retry-After"));
        org.junit.jupiter.api.Assertions.assertTrue(retry >= 1 && retry <= 86_400);
        // lifting the quota (explicit null) lets executions start again; deactivating the tenant stops them
        given().header("Authorization", su).contentType(ContentType.JSON).body("{\"max_executions_per_day\": null}")
                .put("/api/tenants/" + t).then().statusCode(200);
        withKey(key).body(Map.of("wait", true)).post("/api/v1/flows/" + flowId + "/execute").then().statusCode(200);
        given().header("Authorization", su).contentType(ContentType.JSON).body("{\"is_active\": false}")
                .put("/api/tenants/" + t).then().statusCode(200);
        withKey(key).body(Map.of()).post("/api/v1/flows/" + flowId + "/execute").then().statusCode(403)
                .body("code", is("TENANT_INACTIVE"));
    }

    static io.restassured.response.ValidatableResponse awaitCompleted(String tenant, String executionId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                "completed".equals(as(tenant, "viewer").get("/api/execute/status/" + executionId).then()
                        .extract().path("status")));
        return as(tenant, "viewer").get("/api/execute/status/" + executionId).then().statusCode(200);
    }

}
