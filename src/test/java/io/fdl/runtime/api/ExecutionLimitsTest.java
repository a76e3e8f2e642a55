package io.fdl.runtime.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.fdl.runtime.api.TestFlows.*;
import static org.hamcrest.Matchers.*;

/** FDL_MAX_CONCURRENT_EXECUTIONS (429 + Retry-After) and FDL_EXECUTION_TIMEOUT as the default run limit. */
@QuarkusTest
@TestProfile(ExecutionLimitsTest.Limited.class)
class ExecutionLimitsTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fdl.max-concurrent-executions", "1", "fdl.execution-timeout", "4");
        }
    }

    /** Two waits of 2.5 s: each is within the 4 s wait limit, together they exceed the run limit. */
    static final String TWO_WAITS = """
            flow:
                name: two waits
                node:
                    first:
                        wait: 2500ms
                        next: second

                    second:
                        wait: 2500ms
            """;

    @Test
    void concurrencyLimitAndDefaultRunTimeout() {
        String flowId = flowWith("limited", TWO_WAITS);
        String running = as(TENANT_A, "executor").body(Map.of("async_mode", true)).post("/api/execute/" + flowId)
                .then().statusCode(202).extract().path("execution_id");
        as(TENANT_A, "executor").body(Map.of("async_mode", true)).post("/api/execute/" + flowId)
                .then().statusCode(429).header("Retry-After", notNullValue())
                .body("code", equalTo("TOO_MANY_EXECUTIONS"));
        as(TENANT_A, "executor").post("/api/execute/cancel/" + running).then().statusCode(200);

        // the slot is free again; without timeout_ms the run gets FDL_EXECUTION_TIMEOUT (4 s)
        as(TENANT_A, "executor").body(Map.of()).post("/api/execute/" + flowId).then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("result.error_detail.code", equalTo("EXECUTION_TIMEOUT"));
        // a request cannot raise the operator's ceiling
        as(TENANT_A, "executor").body(Map.of("timeout_ms", 60_000)).post("/api/execute/" + flowId).then()
                .statusCode(200).body("result.error_detail.code", equalTo("EXECUTION_TIMEOUT"));
    }
}
