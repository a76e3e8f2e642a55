package io.fdl.runtime.api.tools;

import io.fdl.runtime.auth.Roles;
import io.fdl.runtime.testsupport.TestTokens;
import io.fdl.runtime.tools.support.RecordingHttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * fdl.md §14.1 end to end: a registered HTTP service and a registered datasource called in
 * parallel by one flow and merged, through POST /api/execute/run.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class ToolsEndToEndTest {
    public static final String FLOW = """
            flow:
                name: account overview
                args:
                    in:
                        accountId: string
                    out:
                        accountId: string
                        holder: string
                        openTotal: double
                node:
                    account:
                        exec: api://billing/accounts/{id}?method=GET
                        args: id = accountId
                        next: overview

                    invoices:
                        exec: db://billing/invoice/list
                        args: |
                            exps   = 'accountId = :acc && status = open'
                            params = { acc = accountId }
                            proj   = 'id, amount'
                        next: overview

                    overview:
                        with: |
                            accountId = account.id
                            holder    = account.holder
                            openTotal = invoices.sum('amount')
                            region    = account.region
            """;

    RecordingHttpServer server;
    Vertx vertx;
    String tenant;

    @BeforeAll
    void setUp() throws Exception {
        server = new RecordingHttpServer();
        vertx = Vertx.vertx();
        Pool admin = Pool.pool(vertx, PgConnectOptions.fromUri(ToolConfigApiContract.TARGET_DB), new PoolOptions().setMaxSize(1));
        admin.query("""
                DROP SCHEMA IF EXISTS tools_e2e CASCADE;
                CREATE SCHEMA tools_e2e;
                CREATE TABLE tools_e2e.invoice (id serial PRIMARY KEY, account_id text NOT NULL, status text NOT NULL, amount numeric(10,2));
                INSERT INTO tools_e2e.invoice (account_id, status, amount) VALUES
                  ('A1', 'open', 10.25), ('A1', 'open', 20.25), ('A1', 'paid', 99), ('A2', 'open', 5);
                """).execute().await().atMost(Duration.ofSeconds(20));
        admin.close().await().atMost(Duration.ofSeconds(5));
        tenant = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registered from the first test rather than @BeforeAll: the test HTTP port is only known then. */
    private boolean registered;

    void register() {
        if (registered) return;
        registered = true;
        admin().body(Map.of("name", "billing", "base_url", server.url("/v1"), "auth_type", "bearer", "auth_config", Map.of("token", "t0k")))
                .post("/api/tools/services").then().statusCode(201);
        admin().body(Map.of("name", "billing", "db_type", "postgresql", "connection_string", ToolConfigApiContract.TARGET_DB,
                "schema", "tools_e2e", "read_only", true)).post("/api/tools/datasources").then().statusCode(201);
    }

    @AfterAll
    void tearDown() {
        server.close();
        vertx.close().await().atMost(Duration.ofSeconds(5));
    }

    io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TestTokens.token(tenant, Roles.ADMIN)).contentType(ContentType.JSON);
    }

    @Test
    void parallelServiceAndDatasourceCallsAreMerged() {
        register();
        admin().body(Map.of("fdl", FLOW, "inputs", Map.of("accountId", "A1"))).post("/api/execute/run").then()
                .statusCode(200)
                .body("status", is("completed"))
                .body("result.success", is(true))
                .body("result.outputs.accountId", is("A1"))
                .body("result.outputs.holder", is("Ann"))
                .body("result.outputs.openTotal", is(30.5f))
                .body("result.outputs.region", nullValue());
        RecordingHttpServer.Recorded req = server.last();
        org.junit.jupiter.api.Assertions.assertEquals("/v1/accounts/A1", req.uri());
        org.junit.jupiter.api.Assertions.assertEquals("Bearer t0k", req.header("Authorization"));
        org.junit.jupiter.api.Assertions.assertTrue(req.header("Idempotency-Key").endsWith(":account"), req.header("Idempotency-Key"));
    }

    @Test
    void aToolFailureFailsTheRunWithItsCode() {
        register();
        String other = "e2e-other-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", "Bearer " + TestTokens.token(other, Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("fdl", FLOW, "inputs", Map.of("accountId", "A1"))).post("/api/execute/run").then()
                .statusCode(200)
                .body("status", is("failed"))
                .body("result.error_detail.code", is("NOT_FOUND_TOOL"))
                .body("result.error_detail.node", anyOf(is("account"), is("invoices")));
    }
}
