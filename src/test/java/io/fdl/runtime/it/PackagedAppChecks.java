package io.fdl.runtime.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fdl.runtime.api.TestFlows;
import io.fdl.runtime.api.tools.ToolsEndToEndTest;
import io.fdl.runtime.auth.ApiKeyContract;
import io.fdl.runtime.engine.ConformanceTest;
import io.fdl.runtime.testsupport.LaunchedApp;
import io.fdl.runtime.testsupport.TestTokens;
import io.fdl.runtime.tools.support.RecordingHttpServer;
import io.fdl.runtime.ws.WebSocketTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * What users depend on, checked against the packaged application as a separate process — the jar in
 * {@code mvn verify}, the native executable in {@code mvn verify -Dnative} (where reflection,
 * resources and build-time initialisation can fail only at run time). One process per storage mode
 * ({@link MemoryModeIT}, {@link PostgresModeIT}); every check uses its own tenant, so the order of
 * the checks does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PackagedAppChecks {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DB = System.getenv().getOrDefault("FDL_TEST_DB", "fdl_test");
    static final String DB_URL = "postgresql://fdl:fdl@127.0.0.1:5432/" + DB;
    static final String TOOLS_SCHEMA = "it_packaged_tools";

    // the flows of the @QuarkusTests, so the packaged app is checked against the same expectations
    static final String GREET = TestFlows.GREET;
    static final String WAIT_SHORT = TestFlows.WAIT_SHORT;
    static final String WAIT_LONG = TestFlows.WAIT_LONG;
    static final String INVALID = TestFlows.INVALID;
    static final String EDITOR_GRAPH = TestFlows.EDITOR_GRAPH;
    /** Parallel branches, an each loop, then a failing node: many event kinds for the WebSocket. */
    static final String EVENTS = WebSocketTest.EVENTS_FLOW;
    static final String ECHO = ApiKeyContract.ECHO;
    /** api:// and db:// called in parallel and merged (fdl.md §14.1). */
    static final String TOOLS = ToolsEndToEndTest.FLOW;

    LaunchedApp app;
    RecordingHttpServer http;

    /** The environment the process starts with (storage mode, dev or production settings). */
    abstract Map<String, String> environment();

    /** The HS256 secret this process verifies tokens with. */
    abstract String jwtSecret();

    /** Whether the process runs in dev mode (credential-less requests are the dev caller). */
    boolean devMode() { return !"false".equals(environment().get("FDL_DEV_MODE")); }

    /** "memory" or "postgres", as /api/health/detailed reports it. */
    abstract String storage();

    @BeforeAll
    void launch() throws Exception {
        http = new RecordingHttpServer();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DB, "fdl", "fdl");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + TOOLS_SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + TOOLS_SCHEMA);
            s.execute("CREATE TABLE " + TOOLS_SCHEMA + ".invoice (id serial PRIMARY KEY, account_id text NOT NULL,"
                    + " status text NOT NULL, amount numeric(10,2))");
            s.execute("INSERT INTO " + TOOLS_SCHEMA + ".invoice (account_id, status, amount) VALUES"
                    + " ('A1', 'open', 10.25), ('A1', 'open', 20.25), ('A1', 'paid', 99), ('A2', 'open', 5)");
        }
        app = LaunchedApp.start(environment());
        System.out.printf("%s: %s mode, %s, ready after %d ms%n", getClass().getSimpleName(), storage(),
                LaunchedApp.isNative() ? "native executable" : "jar", app.timeToReady().toMillis());
    }

    @AfterAll
    void shutDown() throws Exception {
        if (app != null) app.close();
        if (http != null) http.close();
    }

    // --- helpers -------------------------------------------------------------------------------

    static String tenant() { return "it-" + UUID.randomUUID().toString().substring(0, 8); }

    String token(String tenant, String... roles) {
        return TestTokens.sign(TestTokens.claims("it-user", tenant, "default", List.of(roles), TestTokens.ISSUER,
                Instant.now().getEpochSecond() + 3600), jwtSecret(), "HS256");
    }

    RequestSpecification as(String tenant, String... roles) { return app.as(token(tenant, roles)); }

    String flowWithVersion(String tenant, String fdl) {
        String id = as(tenant, "editor").body(Map.of("name", "it flow")).post("/api/flows").then().statusCode(201).extract().path("id");
        as(tenant, "editor").body(Map.of("fdl", fdl)).post("/api/flows/" + id + "/versions").then().statusCode(201);
        return id;
    }

    // --- REST: flows and versions ----------------------------------------------------------------

    @Test
    void flowsVersionsAndPublishing() {
        String t = tenant();
        String id = as(t, "editor").body(Map.of("name", "  orders  ", "description", "d")).post("/api/flows").then()
                .statusCode(201).body("name", is("orders")).body("version_count", is(0)).body("published", is(false))
                .extract().path("id");
        as(t, "editor").body(Map.of("name", "orders v2")).put("/api/flows/" + id).then().statusCode(200)
                .body("name", is("orders v2")).body("description", is("d"));
        as(t, "viewer").queryParam("q", "ORDERS V2").get("/api/flows").then().statusCode(200)
                .body("total", is(1)).body("flows[0].id", is(id));

        String v1 = as(t, "editor").body(Map.of("fdl", GREET, "label", "first")).post("/api/flows/" + id + "/versions").then()
                .statusCode(201).body("version_number", is(1)).body("label", is("first")).extract().path("id");
        as(t, "editor").body(Map.of("fdl", INVALID)).post("/api/flows/" + id + "/versions").then().statusCode(422)
                .body("code", is("INVALID_FLOW")).body("diagnostics.code", hasItem("JUMP_UNKNOWN"))
                .body("diagnostics[0].line", notNullValue());
        String v2 = as(t, "editor").body("{\"data\": " + EDITOR_GRAPH + "}").post("/api/flows/" + id + "/versions").then()
                .statusCode(201).body("version_number", is(2)).extract().path("id");
        as(t, "viewer").get("/api/flows/" + id + "/versions").then().statusCode(200)
                .body("total", is(2)).body("versions.id", contains(v2, v1));
        as(t, "viewer").get("/api/flows/" + id + "/versions/" + v1).then().statusCode(200)
                .body("fdl", containsString("name: greet")).body("data", notNullValue());
        as(t, "viewer").body(Map.of("fdl", INVALID)).post("/api/flows/validate").then().statusCode(200)
                .body("valid", is(false)).body("diagnostics.code", hasItem("JUMP_UNKNOWN"));

        as(t, "editor").body(Map.of("version_id", v1)).post("/api/flows/" + id + "/publish").then().statusCode(200)
                .body("published", is(true)).body("published_version_id", is(v1));
        as(t, "viewer").get("/api/flows/" + id + "/publish-status").then().statusCode(200).body("published", is(true));
        as(t, "editor").delete("/api/flows/" + id + "/versions/" + v1).then().statusCode(409).body("code", is("VERSION_PUBLISHED"));
        as(t, "editor").delete("/api/flows/" + id + "/versions/" + v2).then().statusCode(200).body("success", is(true));
        // another tenant never sees it
        as(tenant(), "admin").get("/api/flows/" + id).then().statusCode(404).body("code", is("NOT_FOUND"));
        as(t, "editor").delete("/api/flows/" + id).then().statusCode(200).body("deleted_id", is(id));
        as(t, "editor").get("/api/flows/" + id).then().statusCode(404);
    }

    // --- REST: executions --------------------------------------------------------------------------

    @Test
    void syncAsyncCancelAndEvents() {
        String t = tenant();
        String greet = flowWithVersion(t, GREET);
        as(t, "executor").body(Map.of("inputs", Map.of("name", "Ada"))).post("/api/execute/" + greet).then().statusCode(200)
                .body("status", is("completed")).body("flow_name", is("it flow")).body("result.success", is(true))
                .body("result.outputs.message", is("Hello Ada!")).body("result.outputs.count", is(2))
                .body("result.node_results.a.greeting", is("Hello Ada"));
        as(t, "executor").body(Map.of("inputs", Map.of("times", "x"))).post("/api/execute/" + greet).then().statusCode(400)
                .body("code", is("INVALID_INPUTS")).body("validation_errors", hasItem(startsWith("name:")));

        String shortFlow = flowWithVersion(t, WAIT_SHORT);
        ExtractableResponse<Response> accepted = as(t, "executor").body(Map.of("async_mode", true)).post("/api/execute/" + shortFlow)
                .then().statusCode(202).body("status", is("running")).extract();
        String done = accepted.path("execution_id");
        assertTrue(accepted.header("Location").endsWith(done), accepted.header("Location"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                "completed".equals(as(t, "viewer").get("/api/execute/status/" + done).then().extract().path("status")));
        List<String> types = as(t, "viewer").get("/api/execute/" + done + "/events").then().statusCode(200).extract().path("events.event_type");
        assertEquals("started", types.get(0), types.toString());
        assertEquals("completed", types.get(types.size() - 1), types.toString());
        assertTrue(types.contains("waiting"), types.toString());
        List<Integer> seqs = as(t, "viewer").queryParam("after_seq", 2).get("/api/execute/" + done + "/events").then()
                .extract().path("events.seq");
        assertEquals(3, seqs.get(0));

        String slow = flowWithVersion(t, WAIT_LONG);
        String running = as(t, "executor").body(Map.of("async_mode", true)).post("/api/execute/" + slow).then().statusCode(202)
                .extract().path("execution_id");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "waiting".equals(as(t, "viewer").get("/api/execute/status/" + running).then().extract().path("status")));
        as(t, "viewer").post("/api/execute/cancel/" + running).then().statusCode(403);
        as(t, "executor").post("/api/execute/cancel/" + running).then().statusCode(200).body("status", is("cancelled"));
        as(t, "executor").post("/api/execute/cancel/" + running).then().statusCode(409).body("code", is("EXECUTION_FINISHED"));
        as(t, "viewer").get("/api/execute/status/" + running).then().body("status", is("cancelled"));
        as(t, "viewer").queryParam("flow_id", slow).get("/api/execute/list").then().statusCode(200)
                .body("total", is(1)).body("executions[0].execution_id", is(running));
    }

    @Test
    void gmlThroughTheApi() {
        String t = tenant();
        as(t, "viewer").body(Map.of("expr", "items.map(x => x * 2).sum() + n", "vars", Map.of("items", List.of(1, 2, 3), "n", 1)))
                .post("/api/gml/evaluate").then().statusCode(200).body("result", is(13));
        as(t, "viewer").body(Map.of("expr", "'fdl'.upper() + '-' + name", "vars", Map.of("name", "ok"))).post("/api/gml/evaluate")
                .then().statusCode(200).body("result", is("FDL-ok"));
        as(t, "viewer").body(Map.of("expr", "1 +")).post("/api/gml/evaluate").then().statusCode(400)
                .body("code", is("GML_ERROR")).body("line", is(1)).body("column", notNullValue());
    }

    /** The FDL conformance cases copied into src/test/resources, run as mocked direct runs over REST. */
    @TestFactory
    Stream<DynamicTest> conformanceSamplesThroughTheApi() throws Exception {
        Path dir = Path.of("src/test/resources/conformance/fdl");
        List<Path> yamls;
        try (Stream<Path> s = Files.list(dir)) {
            yamls = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(yamls.isEmpty());
        String t = tenant();
        return yamls.stream().map(y -> DynamicTest.dynamicTest(y.getFileName().toString(), () -> runConformanceCase(t, y)));
    }

    private void runConformanceCase(String t, Path yaml) throws Exception {
        String name = yaml.getFileName().toString().replace(".yaml", "");
        JsonNode spec = JSON.readTree(yaml.resolveSibling(name + ".json").toFile());
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("fdl", Files.readString(yaml));
        body.put("inputs", JSON.convertValue(spec.path("inputs").isMissingNode() ? JSON.createObjectNode() : spec.get("inputs"), Map.class));
        if (spec.has("mocks")) body.put("mocks", JSON.convertValue(spec.get("mocks"), Map.class));
        String text = as(t, "editor").body(body).post("/api/execute/run").then().extract().asString();
        JsonNode r = JSON.readTree(text);
        boolean expectError = spec.path("expectError").asBoolean(false) || spec.has("expectErrorContains");
        if (expectError) {
            assertEquals("failed", r.path("status").asText(), text);
            if (spec.has("expectErrorContains")) {
                JsonNode d = r.path("result").path("error_detail");
                assertTrue((d.path("code").asText() + " " + d.path("message").asText()).contains(spec.get("expectErrorContains").asText()), text);
            }
        } else {
            assertEquals("completed", r.path("status").asText(), text);
        }
        JsonNode context = r.path("result").path("node_results");
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("expectOutput").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertTrue(ConformanceTest.same(e.getValue(), context.get(e.getKey())), name + ": " + e.getKey() + " in " + text);
        }
        for (JsonNode a : spec.path("expectAbsent")) {
            JsonNode v = context.get(a.asText());
            assertTrue(v == null || v.isNull(), name + ": " + a.asText() + " should be absent in " + text);
        }
        if (spec.has("expectResult")) {
            assertTrue(ConformanceTest.same(spec.get("expectResult"), r.path("result").path("outputs")), name + ": " + text);
        }
        List<JsonNode> calls = new ArrayList<>();
        r.path("result").path("calls").forEach(calls::add);
        for (JsonNode c : spec.path("expectCalls")) {
            assertTrue(calls.removeIf(new java.util.function.Predicate<>() {
                boolean hit;
                @Override
                public boolean test(JsonNode rec) {
                    if (hit || !rec.path("uri").asText().equals(c.get("uri").asText()) || !ConformanceTest.contains(c.path("args"), rec.path("args"))) return false;
                    return hit = true;
                }
            }), name + ": no call matches " + c + " in " + text);
        }
    }

    // --- auth ---------------------------------------------------------------------------------------

    @Test
    void forgedExpiredAndUnsignedTokensAreRefusedAndRolesAreEnforced() {
        String t = tenant();
        long in10min = Instant.now().getEpochSecond() + 600;
        String forged = TestTokens.sign(TestTokens.claims("x", t, "default", List.of("admin"), TestTokens.ISSUER, in10min),
                "another-secret-another-secret-another-secret", "HS256");
        String unsigned = TestTokens.sign(TestTokens.claims("x", t, "default", List.of("admin"), TestTokens.ISSUER, in10min), jwtSecret(), "none");
        String expired = TestTokens.sign(TestTokens.claims("x", t, "default", List.of("admin"), TestTokens.ISSUER,
                Instant.now().getEpochSecond() - 3600), jwtSecret(), "HS256");
        String wrongIssuer = TestTokens.sign(TestTokens.claims("x", t, "default", List.of("admin"), "someone-else", in10min), jwtSecret(), "HS256");
        for (String bad : List.of(forged, unsigned, expired, wrongIssuer, "not-a-jwt")) {
            app.as(bad).get("/api/flows").then().statusCode(401).body("code", is("UNAUTHORIZED"));
        }
        if (devMode()) {
            // dev mode: no credentials at all is the dev caller, admin of tenant default (never superadmin)
            app.given().get("/api/flows").then().statusCode(200);
            app.given().get("/api/tenants").then().statusCode(403);
        } else {
            app.given().get("/api/flows").then().statusCode(401).body("code", is("UNAUTHORIZED"));
        }
        as(t, "viewer").get("/api/flows").then().statusCode(200);
        as(t, "viewer").body(Map.of("name", "x")).post("/api/flows").then().statusCode(403).body("code", is("FORBIDDEN"));
        as(t, "executor").body(Map.of("name", "x")).post("/api/flows").then().statusCode(403);
        as(t, "editor").get("/api/tools/services").then().statusCode(403);
        as(t, "admin").get("/api/tools/services").then().statusCode(200);
        as(t, "admin").get("/api/tenants").then().statusCode(403);
        as(t, "superadmin").get("/api/tenants").then().statusCode(200);
    }

    /** A login as an admin of the tenant "default" (dev login or stored credentials), then refresh. */
    abstract String loginAsAdmin();

    @Test
    void loginRefreshAndTheRefreshTokenIsNoAccessToken() {
        String access = loginAsAdmin();
        app.as(access).get("/api/auth/me").then().statusCode(200).body("tenant_id", is(TestTokens.DEFAULT_TENANT));
        String refresh = app.given().body(Map.of("username", "admin", "password", adminPassword())).post("/api/auth/login")
                .then().statusCode(200).extract().path("refresh_token");
        app.as(refresh).get("/api/flows").then().statusCode(401);
        String renewed = app.given().body(Map.of("refresh_token", refresh)).post("/api/auth/refresh").then().statusCode(200)
                .body("token_type", is("Bearer")).extract().path("access_token");
        app.as(renewed).get("/api/flows").then().statusCode(200);
    }

    abstract String adminPassword();

    // --- API keys --------------------------------------------------------------------------------------

    @Test
    void apiKeysRunThePublishedFlow() {
        String t = tenant();
        String flowId = flowWithVersion(t, ECHO);
        as(t, "admin").body(Map.of("name", "k")).post("/api/flows/" + flowId + "/api-keys").then().statusCode(400)
                .body("code", is("FLOW_NOT_PUBLISHED"));
        String version = as(t, "viewer").get("/api/flows/" + flowId + "/versions").then().extract().path("versions[0].id");
        as(t, "editor").body(Map.of("version_id", version)).post("/api/flows/" + flowId + "/publish").then().statusCode(200);
        ExtractableResponse<Response> created = as(t, "admin").body(Map.of("name", "crm", "rate_limit", 50))
                .post("/api/flows/" + flowId + "/api-keys").then().statusCode(201)
                .body("key", matchesPattern("fk_" + flowId.substring(0, 8) + "_[0-9a-f]{32}")).extract();
        String key = created.path("key");
        String keyId = created.path("id");
        app.as(key).body(Map.of("inputs", Map.of("name", "Ann"), "wait", true)).post("/api/v1/flows/" + flowId + "/execute").then()
                .statusCode(200).body("status", is("completed")).body("outputs.greeting", is("Hi Ann"));
        app.given().header("X-API-Key", key).body(Map.of("event", "order.created", "data", Map.of("n", 1)))
                .post("/api/v1/webhook/" + flowId).then().statusCode(202).body("received", is(true)).body("execution_id", notNullValue());
        app.given().body(Map.of()).post("/api/v1/flows/" + flowId + "/execute").then().statusCode(401).body("code", is("missing_api_key"));
        app.as("fk_" + flowId.substring(0, 8) + "_" + "0".repeat(32)).body(Map.of()).post("/api/v1/flows/" + flowId + "/execute")
                .then().statusCode(401).body("code", is("invalid_api_key"));
        as(t, "admin").get("/api/flows/" + flowId + "/api-keys").then().statusCode(200).body("total", is(1))
                .body("api_keys[0]", not(hasKey("key")));
        as(t, "admin").delete("/api/flows/" + flowId + "/api-keys/" + keyId).then().statusCode(200);
        app.as(key).body(Map.of()).post("/api/v1/flows/" + flowId + "/execute").then().statusCode(401).body("code", is("invalid_api_key"));
    }

    // --- tools ---------------------------------------------------------------------------------------------

    /** api:// against a real HTTP server and db:// against the real PostgreSQL, called in parallel by one flow. */
    @Test
    void apiAndDbToolsAgainstRealServers() {
        String t = tenant();
        as(t, "admin").body(Map.of("name", "billing", "base_url", http.url("/v1"), "auth_type", "bearer", "auth_config", Map.of("token", "t0k")))
                .post("/api/tools/services").then().statusCode(201);
        as(t, "admin").body(Map.of("name", "billing", "db_type", "postgresql", "connection_string", DB_URL, "schema", TOOLS_SCHEMA,
                "read_only", true)).post("/api/tools/datasources").then().statusCode(201)
                .body("connection_string", is("postgresql://fdl:****@127.0.0.1:5432/" + DB));
        as(t, "admin").get("/api/tools/services/billing").then().statusCode(200).body("auth_config.token", is("****"));
        as(t, "executor").body(Map.of("fdl", TOOLS, "inputs", Map.of("accountId", "A1"))).post("/api/execute/run").then()
                .statusCode(200).body("status", is("completed"))
                .body("result.outputs.accountId", is("A1")).body("result.outputs.holder", is("Ann"))
                .body("result.outputs.openTotal", is(30.5f));
        RecordingHttpServer.Recorded req = http.requests.stream().filter(r -> r.uri().equals("/v1/accounts/A1")).reduce((a, b) -> b).orElseThrow();
        assertEquals("GET", req.method());
        assertEquals("Bearer t0k", req.header("Authorization"));
        // without a registration in this tenant the same flow fails with the tool's code
        as(tenant(), "editor").body(Map.of("fdl", TOOLS, "inputs", Map.of("accountId", "A1"))).post("/api/execute/run").then()
                .statusCode(200).body("status", is("failed")).body("result.error_detail.code", is("NOT_FOUND_TOOL"));
    }

    // --- WebSocket -----------------------------------------------------------------------------------------

    @Test
    void webSocketExecuteSubscribeAndResume() {
        String t = tenant();
        String flowId = flowWithVersion(t, EVENTS);
        String executionId;
        List<JsonNode> all;
        try (JdkWsClient c = JdkWsClient.connect(app.port(), null, token(t, "executor"))) {
            assertEquals("pong", c.call("ping", null).path("result").asText());
            c.sendRaw("{\"type\":\"ping\"}");
            assertEquals("pong", c.nextReply().path("type").asText());
            JsonNode started = c.call("execute", JdkWsClient.params().put("flow_id", flowId)
                    .set("inputs", JSON.createObjectNode().set("items", JSON.createArrayNode().add(1).add(2).add(3))));
            executionId = started.path("result").path("execution_id").asText();
            assertFalse(executionId.isEmpty(), started.toString());
            all = c.eventsUntilTerminal(executionId, Duration.ofSeconds(30)).stream()
                    .filter(e -> e.path("execution_id").asText().equals(executionId)).toList();
            for (int i = 0; i < all.size(); i++) assertEquals(i + 1, all.get(i).path("seq").asInt(), all.toString());
            assertEquals("started", all.get(0).path("event_type").asText());
            assertEquals("failed", all.get(all.size() - 1).path("event_type").asText(), all.toString());
            assertTrue(all.stream().anyMatch(e -> e.path("event_type").asText().equals("node_completed")
                    && e.path("node_id").asText().equals("sum") && e.path("data").path("output").asInt() == 12), all.toString());
            // the terminal event is published while the final record is being written (PostgreSQL mode):
            // the status converges to it right after
            JsonNode status = null;
            for (int i = 0; i < 50; i++) {
                status = c.call("execute.status", JdkWsClient.params().put("execution_id", executionId));
                if (status.path("result").path("status").asText().equals("failed")) break;
                sleepMs(100);
            }
            assertEquals("failed", status.path("result").path("status").asText(), status.toString());
            assertEquals(-32002, c.call("subscribe", JdkWsClient.params().put("execution_id", UUID.randomUUID().toString()))
                    .path("error").path("code").asInt());
        }
        // a reconnecting client resumes after the last event it saw: nothing missing, nothing twice
        int seen = all.size() / 2;
        try (JdkWsClient c = JdkWsClient.connect(app.port(), "token=" + token(t, "viewer"), null)) {
            JsonNode r = c.call("subscribe", JdkWsClient.params().put("execution_id", executionId).put("after_seq", seen));
            assertTrue(r.path("result").path("subscribed").asBoolean(), r.toString());
            List<JsonNode> replay = c.eventsUntilTerminal(executionId, Duration.ofSeconds(30));
            assertEquals(all.size() - seen, replay.size(), replay.toString());
            for (int i = 0; i < replay.size(); i++) assertEquals(seen + i + 1, replay.get(i).path("seq").asInt());
        }
        // authenticating by the first call; another tenant cannot see the execution
        try (JdkWsClient c = JdkWsClient.connect(app.port(), null, null)) {
            if (devMode()) assertEquals("pong", c.call("ping", null).path("result").asText()); // the dev caller
            else assertEquals(-32001, c.call("ping", null).path("error").path("code").asInt());
            assertTrue(c.call("auth", JdkWsClient.params().put("token", token(tenant(), "admin"))).path("result").path("authenticated").asBoolean());
            assertEquals(-32002, c.call("subscribe", JdkWsClient.params().put("execution_id", executionId)).path("error").path("code").asInt());
        }
        // a present but forged token is refused at the upgrade
        String forged = TestTokens.sign(TestTokens.claims("x", t, "default", List.of("admin"), TestTokens.ISSUER,
                Instant.now().getEpochSecond() + 600), "another-secret-another-secret-another-secret", "HS256");
        CompletionException refused = assertThrows(CompletionException.class, () -> JdkWsClient.connect(app.port(), null, forged));
        WebSocketHandshakeException hs = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(401, hs.getResponse().statusCode());
    }

    // --- health, metrics, OpenAPI ----------------------------------------------------------------------

    @Test
    void healthMetricsAndOpenApi() throws Exception {
        app.given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        app.given().get("/q/health/started").then().statusCode(200);
        app.given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        app.given().get("/api/health").then().statusCode(200).body("status", is("healthy"));
        app.given().get("/api/health/ready").then().statusCode(200).body("ready", is(true));
        app.given().get("/api/health/detailed").then().statusCode(200).body("storage", is(storage()))
                .body("memory.used_bytes", greaterThan(0));
        app.given().get("/").then().statusCode(200).body("endpoints.websocket", is("/ws"));
        // at least one execution so the execution metrics exist
        as(tenant(), "editor").body(Map.of("fdl", GREET, "inputs", Map.of("name", "m"))).post("/api/execute/run").then().statusCode(200);
        String metrics = app.get("/q/metrics");
        for (String m : List.of("fdl_executions_started_total", "fdl_executions_finished_total", "fdl_execution_duration_seconds_bucket",
                "fdl_executions_running", "fdl_websocket_connections", "http_server_requests_seconds_count")) {
            assertTrue(metrics.contains(m), m + " missing from /q/metrics");
        }
        JsonNode openapi = JSON.readTree(app.given().accept("application/json").get("/openapi").then().statusCode(200).extract().asString());
        for (String p : List.of("/api/flows", "/api/execute/run", "/api/gml/evaluate", "/api/v1/flows/{flowId}/execute")) {
            assertTrue(openapi.path("paths").has(p), p + " missing from the OpenAPI document");
        }
        app.given().get("/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
        app.given().header("X-Request-Id", "it-req-1").header("Authorization", "Bearer not-a-jwt").get("/api/flows").then().statusCode(401)
                .header("X-Request-Id", "it-req-1");
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
