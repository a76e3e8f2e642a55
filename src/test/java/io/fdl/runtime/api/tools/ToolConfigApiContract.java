package io.fdl.runtime.api.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.auth.AuditEvents;
import io.fdl.runtime.auth.Roles;
import io.fdl.runtime.auth.TenantIds;
import io.fdl.runtime.engine.port.CancellationSignal;
import io.fdl.runtime.engine.port.ToolCall;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.engine.port.ToolInvoker;
import io.fdl.runtime.store.DatasourceRepository;
import io.fdl.runtime.store.ToolServiceRepository;
import io.fdl.runtime.testsupport.TestTokens;
import io.fdl.runtime.tools.SecretCipher;
import io.fdl.runtime.tools.support.RecordingHttpServer;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Tool configuration API (api.md §8): validation, masking, encryption at rest, tenant isolation,
 * RBAC, audit, reachability tests, and the registrations reaching the real call path.
 * Run in memory ({@link ToolConfigApiTest}) and on PostgreSQL ({@link ToolConfigApiPostgresTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ToolConfigApiContract {
    static final String TARGET_DB = "postgresql://fdl:fdl@127.0.0.1:5432/fdl_tools_target";
    static final ObjectMapper M = new ObjectMapper();

    @Inject
    ToolInvoker invoker;
    @Inject
    ToolServiceRepository serviceRepo;
    @Inject
    DatasourceRepository datasourceRepo;
    @Inject
    SecretCipher cipher;

    RecordingHttpServer server;

    @BeforeAll
    void startServer() throws Exception {
        server = new RecordingHttpServer();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    static String tenant() {
        return "tools-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String bearer(String tenant, String role) {
        return "Bearer " + TestTokens.token(tenant, role);
    }

    io.restassured.specification.RequestSpecification as(String tenant) {
        return given().header("Authorization", bearer(tenant, Roles.ADMIN)).contentType(ContentType.JSON);
    }

    Map<String, Object> service(String name) {
        return Map.of("name", name, "display_name", "CRM", "base_url", server.url("/v2"), "auth_type", "bearer",
                "auth_config", Map.of("token", "s3cr3t-token"), "default_headers", Map.of("X-Client", "fdl"), "timeout_ms", 4000);
    }

    JsonNode call(String tenant, String type, String service, String path, String method, String args) throws Exception {
        ToolCall call = new ToolCall(type + "://" + service + "/" + path, type, service, path, method, (ObjectNode) M.readTree(args),
                5_000, 1, "run-x:n", new ToolCall.Caller(TenantIds.toUuid(tenant), "BU", "run-x", "n", 0, CancellationSignal.NONE));
        return invoker.invoke(call).await().atMost(Duration.ofSeconds(20));
    }

    @Test
    void serviceLifecycleWithMaskedSecrets() throws Exception {
        String t = tenant();
        as(t).body(service("crm")).when().post("/api/tools/services").then()
                .statusCode(201).header("Location", endsWith("/api/tools/services/crm"))
                .body("name", is("crm")).body("display_name", is("CRM")).body("auth_type", is("bearer"))
                .body("auth_config.token", is("****")).body("default_headers.X-Client", is("fdl"))
                .body("timeout_ms", is(4000)).body("enabled", is(true)).body("created_at", notNullValue());
        as(t).when().get("/api/tools/services").then().statusCode(200)
                .body("total", is(1)).body("services[0].auth_config.token", is("****"));
        String raw = as(t).when().get("/api/tools/services/crm").then().statusCode(200).extract().asString();
        assertFalse(raw.contains("s3cr3t"), raw);

        // stored encrypted, never in clear
        var stored = serviceRepo.find(UUID.fromString(TenantIds.toUuid(t)), "crm").await().atMost(Duration.ofSeconds(5)).orElseThrow();
        String storedToken = stored.authConfig().get("token").textValue();
        assertTrue(storedToken.startsWith(SecretCipher.PREFIX), storedToken);
        assertEquals("s3cr3t-token", cipher.decrypt(storedToken));

        // the registration reaches the call path, with the decrypted credential
        server.requests.clear();
        call(t, "api", "crm", "customers/{id}", "GET", "{\"id\": 7}");
        assertEquals("/v2/customers/7", server.last().uri());
        assertEquals("Bearer s3cr3t-token", server.last().header("Authorization"));
        assertEquals("fdl", server.last().header("X-Client"));

        // an update that sends back "****" keeps the secret; other fields change
        as(t).body(Map.of("auth_type", "bearer", "auth_config", Map.of("token", "****"), "enabled", false))
                .when().put("/api/tools/services/crm").then().statusCode(200)
                .body("enabled", is(false)).body("auth_config.token", is("****")).body("base_url", is(server.url("/v2")));
        ToolException disabled = assertThrows(ToolException.class, () -> call(t, "api", "crm", "x", "GET", "{}"));
        assertEquals("TOOL_DISABLED", disabled.code());
        as(t).body(Map.of("enabled", true)).when().put("/api/tools/services/crm").then().statusCode(200);
        server.requests.clear();
        call(t, "api", "crm", "x", "GET", "{}");
        assertEquals("Bearer s3cr3t-token", server.last().header("Authorization"));

        // switching the auth type needs the new credential
        as(t).body(Map.of("auth_type", "apikey")).when().put("/api/tools/services/crm").then()
                .statusCode(400).body("code", is("VALIDATION_ERROR"));
        as(t).body(Map.of("auth_type", "apikey", "auth_config", Map.of("key", "k-9", "header", "X-Key")))
                .when().put("/api/tools/services/crm").then().statusCode(200)
                .body("auth_config.key", is("****")).body("auth_config.header", is("X-Key"));
        server.requests.clear();
        call(t, "api", "crm", "x", "GET", "{}");
        assertEquals("k-9", server.last().header("X-Key"));
        assertNull(server.last().header("Authorization"));

        as(t).body(Map.of("name", "other")).when().put("/api/tools/services/crm").then().statusCode(400);
        as(t).body(service("crm")).when().post("/api/tools/services").then().statusCode(409).body("code", is("ALREADY_EXISTS"));
        as(t).when().delete("/api/tools/services/crm").then().statusCode(200)
                .body("success", is(true)).body("deleted_name", is("crm"));
        as(t).when().get("/api/tools/services/crm").then().statusCode(404).body("code", is("NOT_FOUND"));
        as(t).when().delete("/api/tools/services/crm").then().statusCode(404);
        ToolException gone = assertThrows(ToolException.class, () -> call(t, "api", "crm", "x", "GET", "{}"));
        assertEquals("NOT_FOUND_TOOL", gone.code());
    }

    @Test
    void serviceValidation() {
        String t = tenant();
        Map<String, Object> base = service("v");
        String[][] bad = {
                {"base_url", "ftp://example.com"}, {"base_url", "example.com/x"}, {"base_url", "http://user:pw@example.com"},
                {"base_url", "javascript:alert(1)"}, {"base_url", "http:///nohost"}, {"base_url", "http://example.com/a?b=1"},
                {"base_url", "http://example.com/../x"}, {"base_url", ""}, {"auth_type", "oauth"}, {"name", "bad name"},
                {"name", "a/b"}, {"name", ""},
        };
        for (String[] b : bad) {
            Map<String, Object> body = new java.util.HashMap<>(base);
            body.put(b[0], b[1]);
            as(t).body(body).when().post("/api/tools/services").then()
                    .statusCode(400).body("code", is("VALIDATION_ERROR")).body("error", notNullValue());
        }
        Object[][] badValues = {
                {"timeout_ms", 0}, {"timeout_ms", 300_001}, {"timeout_ms", "fast"}, {"enabled", "yes"},
                {"default_headers", Map.of("X-A", 1)}, {"default_headers", Map.of("Host", "x")}, {"default_headers", Map.of("Bad Name", "x")},
                {"auth_config", Map.of()}, {"auth_config", Map.of("token", "")}, {"auth_config", Map.of("token", "t", "extra", "x")},
                {"auth_config", "token"}, {"base_url", 5},
        };
        for (Object[] b : badValues) {
            Map<String, Object> body = new java.util.HashMap<>(base);
            body.put((String) b[0], b[1]);
            as(t).body(body).when().post("/api/tools/services").then().statusCode(400).body("code", is("VALIDATION_ERROR"));
        }
        as(t).body("[1]").when().post("/api/tools/services").then().statusCode(400);
        as(t).body(Map.of("name", "b", "base_url", server.url(""), "auth_type", "basic", "auth_config", Map.of("username", "u")))
                .when().post("/api/tools/services").then().statusCode(400);
        as(t).when().get("/api/tools/services").then().statusCode(200).body("total", is(0));
        // defaults
        as(t).body(Map.of("name", "min", "base_url", "https://api.example.com/v1/")).when().post("/api/tools/services").then()
                .statusCode(201).body("auth_type", is("none")).body("timeout_ms", is(30000)).body("enabled", is(true));
    }

    @Test
    void tenantIsolationAndRoles() {
        String a = tenant();
        String b = tenant();
        as(a).body(service("shared-name")).when().post("/api/tools/services").then().statusCode(201);
        as(b).when().get("/api/tools/services/shared-name").then().statusCode(404);
        as(b).when().get("/api/tools/services").then().body("total", is(0));
        as(b).body(Map.of("enabled", false)).when().put("/api/tools/services/shared-name").then().statusCode(404);
        as(b).when().delete("/api/tools/services/shared-name").then().statusCode(404);
        as(b).when().post("/api/tools/services/shared-name/test").then().statusCode(404);
        // B may use the same name for its own service
        as(b).body(service("shared-name")).when().post("/api/tools/services").then().statusCode(201);
        as(a).when().get("/api/tools/services/shared-name").then().statusCode(200).body("enabled", is(true));
        // tenant_id in the query is ignored for an admin
        given().header("Authorization", bearer(b, Roles.ADMIN)).queryParam("tenant_id", a)
                .when().get("/api/tools/services").then().statusCode(200).body("total", is(1));
        for (String role : new String[]{Roles.VIEWER, Roles.EXECUTOR, Roles.EDITOR}) {
            given().header("Authorization", bearer(a, role)).when().get("/api/tools/services").then().statusCode(403);
            given().header("Authorization", bearer(a, role)).when().get("/api/tools/datasources").then().statusCode(403);
        }
        given().header("Authorization", "Bearer not-a-token").when().get("/api/tools/services").then().statusCode(401);
    }

    @Test
    void serviceReachabilityTest() {
        String t = tenant();
        as(t).body(service("up")).when().post("/api/tools/services").then().statusCode(201);
        as(t).when().post("/api/tools/services/up/test").then().statusCode(200)
                .body("success", is(true)).body("status", is(200)).body("latency_ms", greaterThanOrEqualTo(0));
        as(t).body(Map.of("name", "down", "base_url", "http://127.0.0.1:1")).when().post("/api/tools/services").then().statusCode(201);
        as(t).when().post("/api/tools/services/down/test").then().statusCode(200)
                .body("success", is(false)).body("error_code", is("CONNECTION_ERROR"));
        as(t).when().post("/api/tools/services/missing/test").then().statusCode(404);
    }

    @Test
    void changesAreAuditedWithoutSecrets() {
        String t = tenant();
        as(t).body(service("aud")).when().post("/api/tools/services").then().statusCode(201);
        as(t).when().delete("/api/tools/services/aud").then().statusCode(200);
        // written in the same transaction as the change, so already there when the change answered
        String body = as(t).queryParam("event_type", AuditEvents.TOOL_CONFIG_CHANGE).when().get("/api/audit").then()
                .statusCode(200).extract().asString();
        assertTrue(body.contains("\"total\":2"), body);
        assertFalse(body.contains("s3cr3t"), body);
        assertTrue(body.contains("\"action\":\"delete\""), body);
    }

    @Test
    void datasourceLifecycle() throws Exception {
        String t = tenant();
        as(t).body(Map.of("name", "shop", "db_type", "postgresql", "connection_string", TARGET_DB, "schema", "public",
                        "read_only", true, "pool_size", 2))
                .when().post("/api/tools/datasources").then().statusCode(201)
                .body("connection_string", is("postgresql://fdl:****@127.0.0.1:5432/fdl_tools_target"))
                .body("schema", is("public")).body("read_only", is(true)).body("allow_native", is(false))
                .body("pool_size", is(2)).body("timeout_ms", is(5000)).body("enabled", is(true));
        var stored = datasourceRepo.find(UUID.fromString(TenantIds.toUuid(t)), "shop").await().atMost(Duration.ofSeconds(5)).orElseThrow();
        assertTrue(stored.connectionString().startsWith(SecretCipher.PREFIX));
        assertFalse(stored.connectionString().contains("fdl:fdl"));

        as(t).when().post("/api/tools/datasources/shop/test").then().statusCode(200).body("success", is(true));
        ToolException notAllowed = assertThrows(ToolException.class, () -> call(t, "db", "shop", "native", null, "{\"query\": \"SELECT 1\"}"));
        assertEquals("NOT_ALLOWED", notAllowed.code());

        // the masked string sent back keeps the password; the pool is rebuilt with the new settings
        as(t).body(Map.of("connection_string", "postgresql://fdl:****@127.0.0.1:5432/fdl_tools_target", "allow_native", true))
                .when().put("/api/tools/datasources/shop").then().statusCode(200).body("allow_native", is(true));
        var updated = datasourceRepo.find(UUID.fromString(TenantIds.toUuid(t)), "shop").await().atMost(Duration.ofSeconds(5)).orElseThrow();
        assertEquals(TARGET_DB, cipher.decrypt(updated.connectionString()));
        assertEquals("[{\"one\":1}]", call(t, "db", "shop", "native", null, "{\"query\": \"SELECT 1 AS one\"}").toString());

        for (String cs : new String[]{"mysql://u:p@h/db", "not a url", "", "postgresql://h:notaport/db", "jdbc:postgresql://h/db"}) {
            as(t).body(Map.of("name", "bad", "db_type", "postgresql", "connection_string", cs)).when().post("/api/tools/datasources")
                    .then().statusCode(400).body("code", is("VALIDATION_ERROR")).body("error", not(containsString("u:p")));
        }
        as(t).body(Map.of("name", "bad", "connection_string", TARGET_DB)).when().post("/api/tools/datasources").then().statusCode(400);
        as(t).body(Map.of("name", "bad", "db_type", "postgresql", "connection_string", TARGET_DB, "schema", "x;y"))
                .when().post("/api/tools/datasources").then().statusCode(400);
        as(t).body(Map.of("name", "bad", "db_type", "postgresql", "connection_string", TARGET_DB, "pool_size", 0))
                .when().post("/api/tools/datasources").then().statusCode(400);

        String other = tenant();
        as(other).when().get("/api/tools/datasources/shop").then().statusCode(404);
        as(other).when().post("/api/tools/datasources/shop/test").then().statusCode(404);
        ToolException invisible = assertThrows(ToolException.class, () -> call(other, "db", "shop", "native", null, "{\"query\": \"SELECT 1\"}"));
        assertEquals("NOT_FOUND_TOOL", invisible.code());

        as(t).body(Map.of("name", "down", "db_type", "postgresql", "connection_string", "postgres://fdl:fdl@127.0.0.1:1/x"))
                .when().post("/api/tools/datasources").then().statusCode(201);
        as(t).when().post("/api/tools/datasources/down/test").then().statusCode(200)
                .body("success", is(false)).body("error_code", is("CONNECTION_ERROR"));
        as(t).when().get("/api/tools/datasources").then().statusCode(200).body("total", is(2))
                .body("datasources.connection_string", everyItem(containsString("****")));
        as(t).when().delete("/api/tools/datasources/shop").then().statusCode(200).body("deleted_name", is("shop"));
        ToolException gone = assertThrows(ToolException.class, () -> call(t, "db", "shop", "native", null, "{\"query\": \"SELECT 1\"}"));
        assertEquals("NOT_FOUND_TOOL", gone.code());
    }
}
