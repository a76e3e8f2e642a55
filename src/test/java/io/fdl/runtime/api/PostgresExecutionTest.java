package io.fdl.runtime.api;

import io.fdl.runtime.testsupport.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.fdl.runtime.api.TestFlows.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

/**
 * The flow → version → publish → execute → status/events/history path against the real
 * PostgreSQL, checking the rows themselves. Leaves a finished and a cancelled execution behind for
 * {@link PostgresRestartTest}, which reads them from a freshly started application.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresExecutionTest {
    static final String FINISHED = "fdl.test.restart.finished";
    static final String CANCELLED = "fdl.test.restart.cancelled";
    static final String FLOW = "fdl.test.restart.flow";

    @Test
    void endToEndThroughTheDatabase() throws Exception {
        String flowId = createFlow(editorA(), "pg e2e");
        String v1 = addVersion(editorA(), flowId, GREET);
        editorA().body(Map.of("version_id", v1)).post("/api/flows/" + flowId + "/publish").then().statusCode(200)
                .body("published_version_id", equalTo(v1));
        editorA().get("/api/flows/" + flowId).then().body("published", equalTo(true)).body("latest_version", equalTo(1));

        String id = as(TENANT_A, "executor").header("Idempotency-Key", "pg-" + flowId)
                .body(Map.of("inputs", Map.of("name", "Pg"))).post("/api/execute/" + flowId)
                .then().statusCode(200).body("status", equalTo("completed"))
                .body("result.outputs.message", equalTo("Hello Pg!")).extract().path("execution_id");
        // the sync answer comes after the final record and every event are committed
        assertThat(PgDb.executionStatus(id), equalTo("completed"));
        List<Integer> seqs = as(TENANT_A, "viewer").get("/api/execute/" + id + "/events").then().statusCode(200)
                .body("events[0].event_type", equalTo("started"))
                .body("events[-1].event_type", equalTo("completed"))
                .extract().path("events.seq");
        assertThat(PgDb.eventCount(id), equalTo((long) seqs.size()));

        as(TENANT_A, "executor").header("Idempotency-Key", "pg-" + flowId)
                .body(Map.of("inputs", Map.of("name", "Other"))).post("/api/execute/" + flowId)
                .then().statusCode(200).body("execution_id", equalTo(id));
        as(TENANT_A, "viewer").get("/api/execute/status/" + id).then().body("status", equalTo("completed"))
                .body("version_id", equalTo(v1)).body("result.outputs.message", equalTo("Hello Pg!"));
        as(TENANT_A, "viewer").queryParam("flow_id", flowId).get("/api/execute/list").then()
                .body("total", equalTo(1)).body("executions[0].execution_id", equalTo(id));
        editorB().get("/api/execute/status/" + id).then().statusCode(404);

        // invalid definitions store nothing, also in PostgreSQL
        editorA().body(Map.of("fdl", INVALID)).post("/api/flows/" + flowId + "/versions").then().statusCode(422);
        editorA().get("/api/flows/" + flowId + "/versions").then().body("total", equalTo(1));
        editorA().delete("/api/flows/" + flowId + "/versions/" + v1).then().statusCode(409);

        System.setProperty(FINISHED, id);
        System.setProperty(FLOW, flowId);
    }

    @Test
    void asyncWaitCancelAndPersistedEvents() throws Exception {
        String flowId = flowWith("pg slow", WAIT_LONG);
        String id = as(TENANT_A, "executor").body(Map.of("async_mode", true)).post("/api/execute/" + flowId)
                .then().statusCode(202).extract().path("execution_id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as(TENANT_A, "viewer").get("/api/execute/status/" + id).then().body("status", equalTo("waiting")));
        // the checkpoint writes progress and the run state while it waits
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(PgDb.executionStatus(id), equalTo("waiting")));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(PgDb.eventCount(id), greaterThanOrEqualTo(3L)));
        as(TENANT_A, "executor").post("/api/execute/cancel/" + id).then().statusCode(200).body("status", equalTo("cancelled"));
        assertThat(PgDb.executionStatus(id), equalTo("cancelled"));
        List<String> types = as(TENANT_A, "viewer").get("/api/execute/" + id + "/events").then()
                .extract().path("events.event_type");
        assertThat(types.get(types.size() - 1), equalTo("cancelled"));
        assertThat(PgDb.eventCount(id), equalTo((long) types.size()));
        System.setProperty(CANCELLED, id);
    }
}
