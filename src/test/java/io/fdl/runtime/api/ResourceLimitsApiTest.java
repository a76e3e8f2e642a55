package io.fdl.runtime.api;

import io.fdl.runtime.auth.Roles;
import io.fdl.runtime.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.fdl.runtime.api.TestFlows.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** The bombs of issue 14 answered with their limit codes over REST, and a tenant's lower run budget. */
@QuarkusTest
class ResourceLimitsApiTest {

    static final String LOOP_BOMB = """
            flow:
                name: loop bomb
                node:
                    l:
                        vars: i = 0, acc = []
                        when: i < 10000
                        node:
                            grow:
                                sets: i = i + 1, acc = acc.add('y'.repeat(1000000))
                                with: i
                        with: acc.length()
            """;

    static final String NESTED_EACH = """
            flow:
                name: nested each
                node:
                    outer:
                        each: "'x'.repeat(10000).split('') => a"
                        node:
                            inner:
                                each: "'x'.repeat(10000).split('') => b"
                                node:
                                    work:
                                        with: a + b
            """;

    static final String COUNT_TO = """
            flow:
                name: count
                args:
                    in:
                        n: int
                node:
                    l:
                        vars: i = 0
                        when: i < n
                        node:
                            step:
                                sets: i = i + 1
                                with: i
                        with: i
            """;

    @Test
    void gmlAllocationBombIsAClearGmlError() {
        as(TENANT_A, "viewer").body(Map.of("expr", "'x'.repeat(99999).split('').map(c => c.repeat(1000000)).length()"))
                .post("/api/gml/evaluate").then().statusCode(400)
                .body("code", equalTo("GML_ERROR"))
                .body("error", containsString("maxAllocBytes"))
                .body("line", equalTo(1));
    }

    @Test
    void loopBombFailsWithRunLimitExceeded() {
        as(TENANT_A, "executor").body(Map.of("fdl", LOOP_BOMB)).post("/api/execute/run").then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("result.error_detail.code", equalTo("RUN_LIMIT_EXCEEDED"))
                .body("result.error_detail.message", containsString("run_max_bytes"));
    }

    @Test
    void cpuBoundSyncRunEndsAtItsTimeout() {
        as(TENANT_A, "executor").body(Map.of("fdl", NESTED_EACH, "timeout_ms", 1500)).post("/api/execute/run").then()
                .statusCode(200)
                .body("status", equalTo("failed"))
                .body("result.error_detail.code", equalTo("EXECUTION_TIMEOUT"));
        // the server is still itself afterwards
        as(TENANT_A, "executor").body(Map.of("fdl", COUNT_TO, "inputs", Map.of("n", 3))).post("/api/execute/run").then()
                .statusCode(200).body("status", equalTo("completed")).body("result.outputs", equalTo(3));
    }

    @Test
    void aTenantRunLimitLowersTheBudgetOfItsRunsOnly() {
        String tenant = "limits-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", "Bearer " + TestTokens.token(TENANT_A, Roles.SUPERADMIN)).contentType(ContentType.JSON)
                .body(Map.of("id", tenant, "name", tenant, "config", Map.of("run_limits", Map.of("max_steps", 100))))
                .post("/api/tenants").then().statusCode(201);
        as(tenant, "executor").body(Map.of("fdl", COUNT_TO, "inputs", Map.of("n", 1000))).post("/api/execute/run").then()
                .statusCode(200)
                .body("result.error_detail.code", equalTo("RUN_LIMIT_EXCEEDED"))
                .body("result.error_detail.message", containsString("limit of 100 steps"));
        as(tenant, "executor").body(Map.of("fdl", COUNT_TO, "inputs", Map.of("n", 10))).post("/api/execute/run").then()
                .statusCode(200).body("status", equalTo("completed"));
        as(TENANT_A, "executor").body(Map.of("fdl", COUNT_TO, "inputs", Map.of("n", 1000))).post("/api/execute/run").then()
                .statusCode(200).body("status", equalTo("completed")).body("result.outputs", equalTo(1000));
    }
}
