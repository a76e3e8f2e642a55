package io.fdl.runtime.api;

import io.fdl.runtime.testsupport.PostgresRestartProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.fdl.runtime.api.TestFlows.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs in a NEW application instance (another profile = a Quarkus restart) over the database that
 * {@link PostgresExecutionTest} filled: finished executions, their results and every event must
 * still be there, and the stored flow must still run.
 */
@QuarkusTest
@TestProfile(PostgresRestartProfile.class)
class PostgresRestartTest {

    @Test
    void finishedExecutionsAndEventsSurviveARestart() throws Exception {
        String finished = System.getProperty(PostgresExecutionTest.FINISHED);
        String cancelled = System.getProperty(PostgresExecutionTest.CANCELLED);
        String flowId = System.getProperty(PostgresExecutionTest.FLOW);
        assumeTrue(finished != null && cancelled != null, "runs after PostgresExecutionTest in the same build");

        as(TENANT_A, "viewer").get("/api/execute/status/" + finished).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("result.outputs.message", equalTo("Hello Pg!"))
                .body("completed_at", notNullValue());
        as(TENANT_A, "viewer").get("/api/execute/" + finished + "/events").then()
                .body("events.size()", equalTo((int) PgDb.eventCount(finished)))
                .body("events[-1].event_type", equalTo("completed"));
        as(TENANT_A, "viewer").get("/api/execute/status/" + cancelled).then()
                .body("status", equalTo("cancelled")).body("error_detail.code", equalTo("CANCELLED"));
        as(TENANT_A, "viewer").get("/api/execute/" + cancelled + "/events").then()
                .body("events[-1].event_type", equalTo("cancelled"));
        as(TENANT_A, "executor").post("/api/execute/cancel/" + cancelled).then().statusCode(409);
        as(TENANT_A, "viewer").queryParam("flow_id", flowId).get("/api/execute/list").then()
                .body("executions.execution_id", hasItem(finished));

        // the stored definition is compiled again after the restart (cold definition cache)
        as(TENANT_A, "executor").body(Map.of("inputs", Map.of("name", "again"))).post("/api/execute/" + flowId)
                .then().statusCode(200).body("result.outputs.message", equalTo("Hello again!"));
    }
}
