package io.fdl.runtime.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.fdl.runtime.api.TestFlows.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

/** api.md §5 over the in-memory store: sync/async runs, status, events, cancel, idempotency, RBAC, tenancy. */
@QuarkusTest
class ExecutionApiTest {

    @Test
    void syncRunOfTheLatestVersion() {
        String flowId = flowWith("greet", GREET);
        as(TENANT_A, "executor").body(Map.of("inputs", Map.of("name", "Ada"))).post("/api/execute/" + flowId)
                .then().statusCode(200)
                .body("execution_id", notNullValue())
                .body("flow_id", equalTo(flowId))
                .body("flow_name", equalTo("greet"))
                .body("status", equalTo("completed"))
                .body("mode", equalTo("normal"))
                .body("result.success", equalTo(true))
                .body("result.outputs.message", equalTo("Hello Ada!"))
                .body("result.outputs.count", equalTo(2))
                .body("result.outputs.tenant", equalTo(TENANT_A))
                .body("result.node_results.a.greeting", equalTo("Hello Ada"))
                .body("result.error", nullValue())
                .body("result.error_detail", nullValue())
                .body("result.duration_ms", greaterThanOrEqualTo(0))
                .body("result", not(hasKey("calls")));
    }

    @Test
    void runAGivenVersion() {
        String flowId = createFlow(editorA(), "two versions");
        String v1 = addVersion(editorA(), flowId, GREET);
        addVersion(editorA(), flowId, GREET.replace("'Hello '", "'Bye '"));
        as(TENANT_A, "executor").body(Map.of("inputs", Map.of("name", "Bo")))
                .post("/api/execute/" + flowId + "/version/" + v1).then().statusCode(200)
                .body("result.outputs.message", equalTo("Hello Bo!"));
        String id = as(TENANT_A, "executor").body(Map.of("inputs", Map.of("name", "Bo")))
                .post("/api/execute/" + flowId).then().statusCode(200)
                .body("result.outputs.message", equalTo("Bye Bo!")).extract().path("execution_id");
        as(TENANT_A, "viewer").get("/api/execute/status/" + id).then().statusCode(200)
                .body("version_id", not(equalTo(v1))).body("status", equalTo("completed"));
        as(TENANT_A, "executor").body(Map.of()).post("/api/execute/" + flowId + "/version/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        String empty = createFlow(editorA(), "no versions");
        as(TENANT_A, "executor").body(Map.of()).post("/api/execute/" + empty).then().statusCode(404);
        as(TENANT_A, "executor").body(Map.of()).post("/api/execute/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aRedriveOfWhatCannotBeRetriedIsAClear4xx() {
        String flowId = flowWith("tool", TOOL);
        String failed = as(TENANT_A, "executor").body(Map.of("inputs", Map.of("customerId", "C7"))).post("/api/execute/" + flowId)
                .then().statusCode(200).body("status", equalTo("failed")).extract().path("execution_id");
        as(TENANT_A, "viewer").post("/api/execute/" + failed + "/retry").then().statusCode(403);
        // a malformed id is not found, like every id in the API (Ids.parse)
        as(TENANT_A, "executor").post("/api/execute/not-an-id/retry").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(TENANT_B, "executor").post("/api/execute/" + failed + "/retry").then().statusCode(404);
        // memory mode redrives too: a new execution linked to the failed one (the tool is still missing)
        String again = as(TENANT_A, "executor").post("/api/execute/" + failed + "/retry").then().statusCode(200)
                .header("X-Retry-Of", failed).body("status", equalTo("failed"))
                .body("result.error_detail.code", equalTo("NOT_FOUND_TOOL")).extract().path("execution_id");
        assertThat(again, not(equalTo(failed)));
        String done = as(TENANT_A, "executor").body(Map.of("inputs", Map.of("name", "Ada")))
                .post("/api/execute/" + flowWith("greet", GREET)).then().statusCode(200).extract().path("execution_id");
        as(TENANT_A, "executor").post("/api/execute/" + done + "/retry").then().statusCode(409)
                .body("code", equalTo("EXECUTION_NOT_RETRYABLE"));
        String direct = as(TENANT_A, "executor").body(Map.of("fdl", TOOL, "inputs", Map.of("customerId", "C7")))
                .post("/api/execute/run").then().statusCode(200).body("status", equalTo("failed")).extract().path("execution_id");
        as(TENANT_A, "executor").post("/api/execute/" + direct + "/retry").then().statusCode(422)
                .body("code", equalTo("EXECUTION_NOT_RETRYABLE"));
    }

    @Test
    void aFailingFlowIs200WithAStringError() {
        String flowId = flowWith("tool", TOOL);
        as(TENANT_A, "executor").body(Map.of("inputs", Map.of("customerId", "C7"))).post("/api/execute/" + flowId)
                .then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("result.success", equalTo(false))
                .body("result.error", allOf(instanceOf(String.class), containsString("crm")))
                .body("result.error_detail.code", equalTo("NOT_FOUND_TOOL"))
                .body("result.error_detail.node", equalTo("load"))
                .body("result.error_detail.message", containsString("crm"));
    }

    @Test
    void invalidInputsAre400AndStoreNothing() {
        String flowId = flowWith("strict", GREET);
        as(TENANT_A, "executor").body(Map.of("inputs", Map.of("times", "many"))).post("/api/execute/" + flowId)
                .then().statusCode(400)
                .body("code", equalTo("INVALID_INPUTS"))
                .body("validation_errors", hasItem(startsWith("name:")))
                .body("validation_errors", hasItem(startsWith("times:")));
        as(TENANT_A, "executor").body(Map.of("inputs", List.of(1))).post("/api/execute/" + flowId)
                .then().statusCode(400).body("code", equalTo("INVALID_INPUTS"));
        as(TENANT_A, "viewer").queryParam("flow_id", flowId).get("/api/execute/list").then().body("total", equalTo(0));
        as(TENANT_A, "executor").body("{\"inputs\": ").post("/api/execute/" + flowId).then().statusCode(400);
        as(TENANT_A, "executor").body(Map.of("timeout_ms", -5)).post("/api/execute/" + flowId).then().statusCode(400);
    }

    @Test
    void mockedRunsNeedEditorAndReportCalls() {
        String flowId = flowWith("mocked", TOOL);
        Map<String, Object> body = Map.of("inputs", Map.of("customerId", "C7"),
                "mocks", Map.of("api://crm/customers/C7", Map.of("name", "Ann")));
        as(TENANT_A, "executor").body(body).post("/api/execute/" + flowId).then().statusCode(403);
        String id = editorA().body(body).post("/api/execute/" + flowId).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("mode", equalTo("test"))
                .body("result.outputs.name", equalTo("Ann"))
                .body("result.calls", hasSize(1))
                .body("result.calls[0].uri", equalTo("api://crm/customers/C7"))
                .body("result.calls[0].node", equalTo("load"))
                .body("result.calls[0].attempt", equalTo(1))
                .body("result.calls[0].ok", equalTo(true))
                .extract().path("execution_id");
        as(TENANT_A, "viewer").get("/api/execute/status/" + id).then().body("mode", equalTo("test"))
                .body("result.calls", hasSize(1));
        editorA().body(Map.of("mocks", Map.of("api://crm/customers/C7", Map.of("sequence", List.of())),
                        "inputs", Map.of("customerId", "C7")))
                .post("/api/execute/" + flowId).then().statusCode(400)
                .body("code", equalTo("INVALID_INPUTS"))
                .body("validation_errors[0]", startsWith("mocks."));
    }

    @Test
    void rolesAndAuthentication() {
        String flowId = flowWith("rbac", GREET);
        as(TENANT_A, "viewer").body(Map.of("inputs", Map.of("name", "x"))).post("/api/execute/" + flowId)
                .then().statusCode(403);
        RestAssured.given().header("Authorization", "Bearer not-a-token").contentType(ContentType.JSON).body(Map.of())
                .post("/api/execute/" + flowId).then().statusCode(401);
        as(TENANT_A, "viewer").body(Map.of("fdl", GREET)).post("/api/execute/run").then().statusCode(403);
        String id = as(TENANT_A, "executor").body(Map.of("inputs", Map.of("name", "x"))).post("/api/execute/" + flowId)
                .then().statusCode(200).extract().path("execution_id");
        as(TENANT_A, "viewer").get("/api/execute/status/" + id).then().statusCode(200);
        as(TENANT_A, "viewer").get("/api/execute/" + id + "/events").then().statusCode(200);
        as(TENANT_A, "viewer").post("/api/execute/cancel/" + id).then().statusCode(403);
    }

    @Test
    void asyncRunStatusEventsAndCancelWhileWaiting() {
        String flowId = flowWith("slow", WAIT_LONG);
        Response started = as(TENANT_A, "executor").body(Map.of("async_mode", true)).post("/api/execute/" + flowId);
        started.then().statusCode(202)
                .body("status", equalTo("running")).body("flow_id", equalTo(flowId)).body("flow_name", equalTo("slow"))
                .header("Location", endsWith("/api/execute/status/" + started.path("execution_id")));
        String id = started.path("execution_id");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as(TENANT_A, "viewer").get("/api/execute/status/" + id).then().statusCode(200)
                        .body("status", equalTo("waiting"))
                        .body("current_node", equalTo("pause"))
                        .body("current_nodes", contains("pause"))
                        .body("result", nullValue())
                        .body("completed_at", nullValue())
                        .body("started_at", notNullValue()));
        as(TENANT_A, "viewer").get("/api/execute/" + id + "/events").then().statusCode(200)
                .body("events.event_type", hasItems("started", "node_started", "waiting"))
                .body("events[0].seq", equalTo(1))
                .body("events[0].execution_id", equalTo(id))
                .body("events.find { it.event_type == 'waiting' }.node_id", equalTo("pause"))
                .body("events.find { it.event_type == 'waiting' }.data.until", notNullValue());

        as(TENANT_A, "executor").post("/api/execute/cancel/" + id).then().statusCode(200)
                .body("execution_id", equalTo(id)).body("status", equalTo("cancelled"));
        as(TENANT_A, "viewer").get("/api/execute/status/" + id).then()
                .body("status", equalTo("cancelled"))
                .body("result.success", equalTo(false))
                .body("error_detail.code", equalTo("CANCELLED"))
                .body("error", instanceOf(String.class))
                .body("completed_at", notNullValue());
        List<String> types = as(TENANT_A, "viewer").get("/api/execute/" + id + "/events").then()
                .extract().path("events.event_type");
        assertThat(types.get(types.size() - 1), equalTo("cancelled"));
        assertThat(types, not(hasItem("completed")));
        as(TENANT_A, "executor").post("/api/execute/cancel/" + id).then().statusCode(409)
                .body("code", equalTo("EXECUTION_FINISHED"));
    }

    @Test
    void asyncRunCompletesAndEventsPageBySeq() {
        String flowId = flowWith("short", WAIT_SHORT);
        String id = as(TENANT_A, "executor").body(Map.of("async_mode", true)).post("/api/execute/" + flowId)
                .then().statusCode(202).extract().path("execution_id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as(TENANT_A, "viewer").get("/api/execute/status/" + id).then().body("status", equalTo("completed")));
        as(TENANT_A, "viewer").get("/api/execute/status/" + id).then()
                .body("progress", equalTo(1.0f))
                .body("result.outputs.finished", equalTo(true))
                .body("error", nullValue())
                .body("current_nodes", empty());
        List<Integer> seqs = as(TENANT_A, "viewer").get("/api/execute/" + id + "/events").then()
                .body("events[-1].event_type", equalTo("completed"))
                .body("events[-1].data.outputs.finished", equalTo(true))
                .extract().path("events.seq");
        for (int i = 0; i < seqs.size(); i++) assertThat(seqs.get(i), equalTo(i + 1));
        as(TENANT_A, "viewer").queryParam("after_seq", 2).queryParam("limit", 2).get("/api/execute/" + id + "/events")
                .then().body("events.seq", contains(3, 4));
        as(TENANT_A, "viewer").queryParam("limit", 0).get("/api/execute/" + id + "/events").then().statusCode(400);
        as(TENANT_A, "executor").post("/api/execute/cancel/" + id).then().statusCode(409);
    }

    @Test
    void idempotencyKeyReturnsTheFirstExecution() {
        String flowId = flowWith("idempotent", GREET);
        String key = "order-" + System.nanoTime();
        Map<String, Object> body = Map.of("inputs", Map.of("name", "Ida"));
        String first = as(TENANT_A, "executor").header("Idempotency-Key", key).body(body)
                .post("/api/execute/" + flowId).then().statusCode(200).extract().path("execution_id");
        as(TENANT_A, "executor").header("Idempotency-Key", key).body(body).post("/api/execute/" + flowId)
                .then().statusCode(200).body("execution_id", equalTo(first))
                .body("result.outputs.message", equalTo("Hello Ida!"));
        as(TENANT_A, "executor").header("Idempotency-Key", key).body(Map.of("async_mode", true, "inputs", Map.of("name", "x")))
                .post("/api/execute/" + flowId).then().statusCode(202).body("execution_id", equalTo(first))
                .body("status", equalTo("completed"));
        as(TENANT_A, "viewer").queryParam("flow_id", flowId).get("/api/execute/list").then().body("total", equalTo(1));

        // the same key in another tenant is another execution
        String flowB = createFlow(editorB(), "idempotent b");
        addVersion(editorB(), flowB, GREET);
        String other = as(TENANT_B, "executor").header("Idempotency-Key", key).body(body)
                .post("/api/execute/" + flowB).then().statusCode(200).extract().path("execution_id");
        assertThat(other, not(equalTo(first)));

        String asyncKey = key + "-async";
        String a1 = as(TENANT_A, "executor").header("Idempotency-Key", asyncKey)
                .body(Map.of("async_mode", true, "inputs", Map.of("name", "x"))).post("/api/execute/" + flowId)
                .then().extract().path("execution_id");
        String a2 = as(TENANT_A, "executor").header("Idempotency-Key", asyncKey)
                .body(Map.of("async_mode", true, "inputs", Map.of("name", "x"))).post("/api/execute/" + flowId)
                .then().extract().path("execution_id");
        assertThat(a2, equalTo(a1));
    }

    @Test
    void directRunsFromYamlAndFromTheEditorGraph() {
        as(TENANT_A, "executor").body(Map.of("fdl", GREET, "inputs", Map.of("name", "Di"))).post("/api/execute/run")
                .then().statusCode(200)
                .body("flow_id", equalTo("direct")).body("flow_name", equalTo("greet"))
                .body("result.outputs.message", equalTo("Hello Di!"));
        String id = as(TENANT_A, "executor").body("{\"flow\": " + EDITOR_GRAPH + ", \"inputs\": {\"x\": 4}}")
                .post("/api/execute/run").then().statusCode(200)
                .body("flow_id", equalTo("direct")).body("result.outputs.y", equalTo(8.0f))
                .extract().path("execution_id");
        as(TENANT_A, "viewer").get("/api/execute/status/" + id).then().body("flow_id", equalTo("direct"))
                .body("version_id", nullValue());
        as(TENANT_A, "executor").body(Map.of("fdl", INVALID)).post("/api/execute/run").then().statusCode(422)
                .body("code", equalTo("INVALID_FLOW")).body("diagnostics.code", hasItem("JUMP_UNKNOWN"));
        as(TENANT_A, "executor").body(Map.of("inputs", Map.of())).post("/api/execute/run").then().statusCode(400);
    }

    @Test
    void runTimeoutFailsWithExecutionTimeout() {
        String flowId = flowWith("timeout", WAIT_LONG);
        as(TENANT_A, "executor").body(Map.of("timeout_ms", 300)).post("/api/execute/" + flowId).then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("result.error_detail.code", equalTo("EXECUTION_TIMEOUT"))
                .body("result.error_detail.node", nullValue());
    }

    @Test
    void listFiltersAndPages() {
        String tenant = "list-" + System.nanoTime();
        String flowId = createFlow(as(tenant, "editor"), "listed");
        addVersion(as(tenant, "editor"), flowId, GREET);
        String tool = createFlow(as(tenant, "editor"), "failing");
        addVersion(as(tenant, "editor"), tool, TOOL);
        String ok1 = as(tenant, "executor").body(Map.of("inputs", Map.of("name", "1"))).post("/api/execute/" + flowId)
                .then().extract().path("execution_id");
        String ok2 = as(tenant, "executor").body(Map.of("inputs", Map.of("name", "2"))).post("/api/execute/" + flowId)
                .then().extract().path("execution_id");
        String failed = as(tenant, "executor").body(Map.of("inputs", Map.of("customerId", "x")))
                .post("/api/execute/" + tool).then().extract().path("execution_id");

        as(tenant, "viewer").get("/api/execute/list").then().statusCode(200)
                .body("total", equalTo(3)).body("executions.execution_id", contains(failed, ok2, ok1))
                .body("executions[0].status", equalTo("failed"))
                .body("executions[0].flow_name", equalTo("failing"))
                .body("executions[1].duration_ms", greaterThanOrEqualTo(0))
                .body("executions[1].mode", equalTo("normal"))
                .body("executions[1].completed_at", notNullValue());
        as(tenant, "viewer").queryParam("flow_id", flowId).get("/api/execute/list").then()
                .body("total", equalTo(2)).body("executions.flow_id", everyItem(equalTo(flowId)));
        as(tenant, "viewer").queryParam("status", "failed").get("/api/execute/list").then()
                .body("executions.execution_id", contains(failed));
        as(tenant, "viewer").queryParam("limit", 1).queryParam("offset", 1).get("/api/execute/list").then()
                .body("total", equalTo(3)).body("executions.execution_id", contains(ok2));
        as(tenant, "viewer").queryParam("status", "bogus").get("/api/execute/list").then().statusCode(400);
        as(tenant, "viewer").queryParam("flow_id", "nope").get("/api/execute/list").then().statusCode(400);
    }

    @Test
    void anotherTenantCannotReachExecutions() {
        String flowId = flowWith("isolated", WAIT_LONG);
        String vid = editorA().get("/api/flows/" + flowId).then().extract().path("latest_version_id");
        String id = as(TENANT_A, "executor").body(Map.of("async_mode", true)).post("/api/execute/" + flowId)
                .then().statusCode(202).extract().path("execution_id");
        editorB().body(Map.of()).post("/api/execute/" + flowId).then().statusCode(404);
        editorB().body(Map.of()).post("/api/execute/" + flowId + "/version/" + vid).then().statusCode(404);
        editorB().get("/api/execute/status/" + id).then().statusCode(404);
        editorB().get("/api/execute/" + id + "/events").then().statusCode(404);
        editorB().post("/api/execute/cancel/" + id).then().statusCode(404);
        editorB().get("/api/execute/list").then().body("executions.execution_id", not(hasItem(id)));
        editorB().queryParam("flow_id", flowId).get("/api/execute/list").then().body("total", equalTo(0));
        as(TENANT_A, "executor").post("/api/execute/cancel/" + id).then().statusCode(200);
        editorA().get("/api/execute/status/not-an-id").then().statusCode(404);
    }

    @Test
    void gmlPlayground() {
        as(TENANT_A, "viewer").body(Map.of("expr", "a + 1", "vars", Map.of("a", 2))).post("/api/gml/evaluate")
                .then().statusCode(200).body("result", equalTo(3));
        as(TENANT_A, "viewer").body(Map.of("expr", "[1, 2].map(x => x * 10)")).post("/api/gml/evaluate")
                .then().statusCode(200).body("result", contains(10, 20));
        as(TENANT_A, "viewer").body(Map.of("expr", "1 +\n (2")).post("/api/gml/evaluate")
                .then().statusCode(400).body("code", equalTo("GML_ERROR"))
                .body("line", greaterThan(0)).body("column", greaterThan(0)).body("error", not(emptyString()));
        as(TENANT_A, "viewer").body(Map.of("expr", "1", "vars", List.of())).post("/api/gml/evaluate")
                .then().statusCode(400);
        RestAssured.given().header("Authorization", "Bearer not-a-token").contentType(ContentType.JSON)
                .body(Map.of("expr", "1")).post("/api/gml/evaluate").then().statusCode(401);
    }

    @Test
    void flowCallsRunThePublishedChildAsItsOwnExecution() {
        String tenant = "subflow-" + System.nanoTime();
        String child = createFlow(as(tenant, "editor"), "child");
        String cv = addVersion(as(tenant, "editor"), child, GREET);
        String parentYaml = """
                flow:
                    name: parent
                    node:
                        call:
                            exec: flow://CHILD
                            args: name = 'Kid'
                            with: msg = call.message
                """.replace("CHILD", child);
        String parent = createFlow(as(tenant, "editor"), "parent");
        addVersion(as(tenant, "editor"), parent, parentYaml);

        // not published yet: NOT_ALLOWED
        as(tenant, "executor").body(Map.of()).post("/api/execute/" + parent).then().statusCode(200)
                .body("status", equalTo("failed")).body("result.error_detail.code", equalTo("NOT_ALLOWED"));

        as(tenant, "editor").body(Map.of("version_id", cv)).post("/api/flows/" + child + "/publish").then().statusCode(200);
        as(tenant, "executor").body(Map.of()).post("/api/execute/" + parent).then().statusCode(200)
                .body("status", equalTo("completed")).body("result.outputs.msg", equalTo("Hello Kid!"));
        as(tenant, "viewer").queryParam("flow_id", child).queryParam("status", "completed").get("/api/execute/list")
                .then().body("total", equalTo(1));

        // another tenant cannot call it, even by id
        String other = createFlow(as(tenant + "-x", "editor"), "intruder");
        addVersion(as(tenant + "-x", "editor"), other, parentYaml);
        as(tenant + "-x", "executor").body(Map.of()).post("/api/execute/" + other).then().statusCode(200)
                .body("result.error_detail.code", equalTo("NOT_FOUND_TOOL"));
    }
}
