package io.fdl.runtime.tools.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.engine.port.ToolCall;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.tools.ApiServiceConfig;
import io.fdl.runtime.tools.ApiServiceConfig.AuthType;
import io.fdl.runtime.tools.support.Calls;
import io.fdl.runtime.tools.support.MapToolRegistry;
import io.fdl.runtime.tools.support.RecordingHttpServer;
import io.fdl.runtime.tools.support.SilentServer;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static io.fdl.runtime.tools.support.Calls.json;
import static org.junit.jupiter.api.Assertions.*;

/** api:// against a real local HTTP server (tools.md §3). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpToolHandlerTest {
    RecordingHttpServer server;
    Vertx vertx;
    HttpClient client;
    HttpToolHandler handler;
    MapToolRegistry registry;

    @BeforeAll
    void setUp() throws Exception {
        server = new RecordingHttpServer();
        vertx = Vertx.vertx();
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
        registry = new MapToolRegistry()
                .service(Calls.TENANT, svc("crm", server.url("/v2/"), AuthType.BEARER, Map.of("token", "tok-123"),
                        Map.of("X-Default", "d", "X-Override", "default")))
                .service(Calls.TENANT, svc("keyed", server.url(""), AuthType.APIKEY, Map.of("key", "k-1"), Map.of()))
                .service(Calls.TENANT, svc("keyed2", server.url(""), AuthType.APIKEY, Map.of("key", "k-2", "header", "X-Secret"), Map.of()))
                .service(Calls.TENANT, svc("basic", server.url(""), AuthType.BASIC, Map.of("username", "ann", "password", "p:w"), Map.of()))
                .service(Calls.TENANT, svc("open", server.url(""), AuthType.NONE, Map.of(), Map.of()))
                .service(Calls.TENANT, new ApiServiceConfig("fast", server.url(""), AuthType.NONE, Map.of(), Map.of(), 150, true))
                .service(Calls.TENANT, new ApiServiceConfig("off", server.url(""), AuthType.NONE, Map.of(), Map.of(), 1000, false))
                .service(Calls.TENANT, svc("refused", "http://127.0.0.1:1", AuthType.NONE, Map.of(), Map.of()));
        handler = new HttpToolHandler(registry, vertx, client, Calls.M, HttpToolHandler.MAX_RESPONSE_BYTES);
    }

    static ApiServiceConfig svc(String name, String url, AuthType auth, Map<String, String> authConfig, Map<String, String> headers) {
        return new ApiServiceConfig(name, url, auth, authConfig, headers, 30_000, true);
    }

    @BeforeEach
    void reset() {
        server.requests.clear();
    }

    @AfterAll
    void tearDown() {
        client.close();
        vertx.close();
        server.close();
    }

    JsonNode run(String service, String path, String method, String args) {
        return run(Calls.call("api", service, path, method, args, 5_000));
    }

    JsonNode run(ToolCall call) {
        return handler.invoke(call, false).await().atMost(Duration.ofSeconds(20));
    }

    ToolException fails(String service, String path, String method, String args) {
        return assertThrows(ToolException.class, () -> run(service, path, method, args));
    }

    @Test
    void specExampleGetWithPlaceholderAndQueryParameters() {
        JsonNode r = run("crm", "customers/{id}/orders", "GET",
                "{\"id\": \"C 7\", \"status\": \"open\", \"tags\": [\"a\", null, \"b\"], \"limit\": 20, \"skip\": null, \"f\": {\"x\": 1}, \"d\": 2.50}");
        assertEquals(json("{\"ok\": true}"), r);
        RecordingHttpServer.Recorded req = server.last();
        assertEquals("GET", req.method());
        assertEquals("/v2/customers/C%207/orders?status=open&tags=a&tags=b&limit=20&f=%7B%22x%22%3A1%7D&d=2.5", req.uri());
        assertEquals("", req.body());
        assertEquals("Bearer tok-123", req.header("Authorization"));
        assertEquals(Calls.TENANT, req.header("X-Tenant-Id"));
        assertEquals("BU1", req.header("X-Bu-Code"));
        assertEquals("run-1:node", req.header("Idempotency-Key"));
        assertEquals("application/json", req.header("Accept"));
        assertEquals("d", req.header("X-Default"));
    }

    @Test
    void postSendsTheRemainingArgsAsJsonBody() {
        run("crm", "customers/{id}", null, "{\"id\": 7, \"_method\": \"post\", \"name\": \"Ann\", \"n\": 1.5, \"_headers\": {\"X-Override\": \"mine\", \"X-Extra\": \"e\"}}");
        RecordingHttpServer.Recorded req = server.last();
        assertEquals("POST", req.method());
        assertEquals("/v2/customers/7", req.uri());
        assertEquals(json("{\"name\": \"Ann\", \"n\": 1.5}"), json(req.body()));
        assertEquals("application/json; charset=utf-8", req.header("Content-Type"));
        assertEquals("mine", req.header("X-Override"), "_headers win over default headers");
        assertEquals("e", req.header("X-Extra"));
    }

    @Test
    void methodResolution() {
        run("open", "x", null, "{}");
        assertEquals("POST", server.last().method());
        assertEquals("{}", server.last().body());
        run("open", "x", "DELETE", "{\"_method\": \"PUT\", \"q\": 1}");
        assertEquals("DELETE", server.last().method(), "the URI option wins over _method");
        assertEquals("/x?q=1", server.last().uri());
        run("open", "x", null, "{\"_method\": \"patch\"}");
        assertEquals("PATCH", server.last().method());
        assertEquals("BAD_ARGS", fails("open", "x", null, "{\"_method\": \"TRACE\"}").code());
        assertEquals("BAD_ARGS", fails("open", "x", "CONNECT", "{}").code());
    }

    @Test
    void authTypes() {
        run("keyed", "a", "GET", "{}");
        assertEquals("k-1", server.last().header("X-API-Key"));
        assertNull(server.last().header("Authorization"));
        run("keyed2", "a", "GET", "{}");
        assertEquals("k-2", server.last().header("X-Secret"));
        run("basic", "a", "GET", "{}");
        assertEquals("Basic " + Base64.getEncoder().encodeToString("ann:p:w".getBytes(StandardCharsets.UTF_8)), server.last().header("Authorization"));
        run("open", "a", "GET", "{}");
        assertNull(server.last().header("Authorization"));
        assertNull(server.last().header("X-API-Key"));
    }

    @Test
    void protectedHeadersCannotBeSetByTheFlow() {
        for (String h : new String[]{"Authorization", "x-tenant-id", "X-Bu-Code", "Idempotency-Key", "Host", "Content-Length", "Transfer-Encoding"}) {
            ToolException e = fails("crm", "a", "GET", "{\"_headers\": {\"" + h + "\": \"evil\"}}");
            assertEquals("BAD_ARGS", e.code(), h);
        }
        assertEquals("BAD_ARGS", fails("crm", "a", "GET", "{\"_headers\": {\"X-A\": \"v\\r\\nX-Injected: 1\"}}").code());
        assertEquals("BAD_ARGS", fails("crm", "a", "GET", "{\"_headers\": {\"X-A\": 1}}").code());
        assertEquals("BAD_ARGS", fails("crm", "a", "GET", "{\"_headers\": [\"X-A\"]}").code());
        assertTrue(server.requests.isEmpty(), "nothing was sent");
    }

    @Test
    void idempotencyKeyIsTheSameAcrossRetries() {
        ToolException first = fails("open", "flaky", null, "{}");
        assertEquals("HTTP_503", first.code());
        assertTrue(ToolException.isRetryable(first.code()));
        assertEquals("HTTP 503: {\"error\":\"busy\"}", first.getMessage());
        assertEquals(json("{\"status\": 503, \"body\": {\"error\": \"busy\"}}"), first.details());
        ToolCall second = new ToolCall("api://open/flaky", "api", "open", "flaky", null, json("{}"), 5_000, 2, "run-1:node",
                Calls.call("api", "open", "flaky", null, "{}", 5000).caller());
        assertEquals(2, run(second).get("attempt").intValue());
        assertEquals(server.requests.get(0).header("Idempotency-Key"), server.requests.get(1).header("Idempotency-Key"));
    }

    @Test
    void responseInterpretation() {
        assertEquals("hello", run("open", "text", "GET", "{}").textValue());
        assertEquals(json("{\"a\": 1}"), run("open", "jsontext", "GET", "{}"));
        assertTrue(run("open", "empty", "GET", "{}").isNull());
        assertEquals("café", run("open", "latin1", "GET", "{}").textValue());
        assertEquals("INVALID_RESPONSE", fails("open", "badjson", "GET", "{}").code());
        ToolException notFound = fails("open", "status/404", "GET", "{}");
        assertEquals("HTTP_404", notFound.code());
        assertFalse(ToolException.isRetryable(notFound.code()));
        assertEquals("HTTP 404: {\"reason\":\"status 404\"}", notFound.getMessage());
        assertEquals("HTTP_429", fails("open", "status/429", "GET", "{}").code());
    }

    @Test
    void redirectsAreNotFollowed() {
        ToolException e = fails("open", "redirect", "GET", "{}");
        assertEquals("HTTP_302", e.code());
        assertEquals(1, server.requests.size());
    }

    @Test
    void oversizedResponsesAreRefused() {
        assertEquals("INVALID_RESPONSE", fails("open", "huge", "GET", "{\"bytes\": 11534336}").code(), "by Content-Length");
        assertEquals("INVALID_RESPONSE", fails("open", "huge", "GET", "{\"bytes\": 11534336, \"chunked\": true}").code(), "while streaming");
    }

    @Test
    void timeoutsAndConnectionErrors() {
        ToolException t = assertThrows(ToolException.class, () -> run(Calls.call("api", "open", "slow", "GET", "{\"ms\": 3000}", 200)));
        assertEquals("TIMEOUT", t.code());
        assertEquals("CONNECTION_ERROR", fails("refused", "x", "GET", "{}").code());
        // the registration's timeout applies when the engine passed its built-in default
        ToolException reg = assertThrows(ToolException.class, () -> handler.invoke(Calls.call("api", "fast", "slow", "GET", "{\"ms\": 3000}", 30_000), true)
                .await().atMost(Duration.ofSeconds(5)));
        assertEquals("TIMEOUT", reg.code());
    }

    @Test
    void cancellationAbandonsTheRequest() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            registry.service(Calls.TENANT, svc("silent", "http://127.0.0.1:" + silent.port(), AuthType.NONE, Map.of(), Map.of()));
            Cancellable c = handler.invoke(Calls.call("api", "silent", "x", "GET", "{}", 60_000), false)
                    .subscribe().with(x -> {}, x -> {});
            assertTrue(silent.requestSeen.await(5, java.util.concurrent.TimeUnit.SECONDS));
            c.cancel();
            assertTrue(silent.awaitClosed(5_000), "the client closed the connection");
        }
    }

    @Test
    void registrationErrors() {
        assertEquals("NOT_FOUND_TOOL", fails("nope", "x", null, "{}").code());
        assertEquals("TOOL_DISABLED", fails("off", "x", null, "{}").code());
        ToolException other = assertThrows(ToolException.class, () -> run(Calls.call("00000000-0000-0000-0000-0000000000bb", "api", "crm", "x", null, "{}", 5000)));
        assertEquals("NOT_FOUND_TOOL", other.code(), "another tenant's service is invisible");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "a/../b", "a/./b", "%2e%2e/x", "%2E./x", "a/%2e", "//evil.example/x", "/x", "@evil.example/x",
            "x@evil.example", "http://evil.example/x", "a\\b", "a b", "a?b=1", "a#frag", "a/%2", "a%2F..%2Fb", "{id}/../x"})
    void pathsCannotLeaveTheBaseUrl(String path) {
        ToolException e = fails("crm", path, "GET", "{\"id\": 1}");
        assertEquals("BAD_ARGS", e.code(), path + " -> " + e.getMessage());
        assertTrue(server.requests.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../admin", "a/../../b"})
    void placeholderValuesCannotBeDotSegments(String value) {
        ToolException e = fails("crm", "customers/{id}", "GET", "{\"id\": \"" + value + "\"}");
        assertEquals("BAD_ARGS", e.code(), value);
    }

    @Test
    void placeholderValueWithPercentSignsIsLiteral() {
        run("crm", "customers/{id}", "GET", "{\"id\": \"%2e%2e\"}");
        assertEquals("/v2/customers/%252e%252e", server.last().uri(), "encoded once more: the server sees the text %2e%2e");
    }

    @Test
    void placeholderValuesAreEncodedAsOneSegment() {
        run("crm", "files/{name}", "GET", "{\"name\": \"a/b?c#d@e\"}");
        assertEquals("/v2/files/a%2Fb%3Fc%23d%40e", server.last().uri());
        run("crm", "v{n}/x", "GET", "{\"n\": 2, \"flag\": true}");
        assertEquals("/v2/v2/x?flag=true", server.last().uri());
        assertEquals("BAD_ARGS", fails("crm", "customers/{id}", "GET", "{}").code());
        assertEquals("BAD_ARGS", fails("crm", "customers/{id}", "GET", "{\"id\": null}").code());
        assertEquals("BAD_ARGS", fails("crm", "customers/{id}", "GET", "{\"id\": [1]}").code());
        assertEquals("BAD_ARGS", fails("crm", "customers/{id}", "GET", "{\"id\": {}}").code());
        assertEquals("BAD_ARGS", fails("crm", "customers/{id", "GET", "{\"id\": 1}").code());
    }

    @Test
    void emptyPathIsTheBaseUrl() {
        run("crm", "", "GET", "{}");
        assertEquals("/v2", server.last().uri());
        run("open", "", "GET", "{}");
        assertEquals("/", server.last().uri());
    }
}
