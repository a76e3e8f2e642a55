package io.fdl.runtime.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.fdl.runtime.api.TestFlows.*;
import static org.hamcrest.Matchers.*;

/** api.md §4 over the in-memory store: flows, versions, publishing, validation, RBAC, tenancy. */
@QuarkusTest
class FlowApiTest {

    @Test
    void createGetUpdateListDelete() {
        String id = editorA().body(Map.of("name", "  orders  ", "description", "d")).post("/api/flows")
                .then().statusCode(201)
                .body("name", equalTo("orders"))
                .body("description", equalTo("d"))
                .body("tenant_id", equalTo(TENANT_A))
                .body("version_count", equalTo(0))
                .body("published", equalTo(false))
                .body("latest_version", nullValue())
                .body("created_at", notNullValue())
                .extract().path("id");

        as(TENANT_A, "viewer").get("/api/flows/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("published_version_id", nullValue());

        editorA().body(Map.of("name", "orders v2", "thumbnail", "data:image/png;base64,AA==")).put("/api/flows/" + id)
                .then().statusCode(200)
                .body("name", equalTo("orders v2"))
                .body("description", equalTo("d"))
                .body("thumbnail", equalTo("data:image/png;base64,AA=="));

        as(TENANT_A, "viewer").queryParam("q", "ORDERS V2").get("/api/flows").then().statusCode(200)
                .body("flows.id", hasItem(id))
                .body("flows.find { it.id == '" + id + "' }.version_count", equalTo(0))
                .body("limit", equalTo(20)).body("offset", equalTo(0)).body("total", greaterThanOrEqualTo(1));

        editorA().delete("/api/flows/" + id).then().statusCode(200)
                .body("success", equalTo(true)).body("deleted_id", equalTo(id));
        editorA().get("/api/flows/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        editorA().delete("/api/flows/" + id).then().statusCode(404);
    }

    @Test
    void listPagingNewestUpdatedFirst() {
        String tenant = "paging-" + System.nanoTime();
        String first = createFlow(as(tenant, "editor"), "p1");
        String second = createFlow(as(tenant, "editor"), "p2");
        as(tenant, "viewer").queryParam("limit", 1).get("/api/flows").then().statusCode(200)
                .body("total", equalTo(2)).body("flows", hasSize(1)).body("flows[0].id", equalTo(second));
        as(tenant, "viewer").queryParam("limit", 1).queryParam("offset", 1).get("/api/flows").then()
                .body("flows[0].id", equalTo(first));
        as(tenant, "viewer").queryParam("limit", 0).get("/api/flows").then().statusCode(400)
                .body("code", equalTo("BAD_REQUEST"));
    }

    @Test
    void badRequests() {
        editorA().body(Map.of("description", "no name")).post("/api/flows").then().statusCode(400)
                .body("code", equalTo("BAD_REQUEST")).body("error", containsString("name"));
        editorA().body("{\"name\": ").post("/api/flows").then().statusCode(400).body("code", notNullValue());
        editorA().body(Map.of("name", "n".repeat(201))).post("/api/flows").then().statusCode(400);
        RestAssured.given().header("Authorization", "Bearer not-a-token").contentType(ContentType.JSON)
                .body(Map.of("name", "x")).post("/api/flows").then().statusCode(401);
        editorA().get("/api/flows/not-a-uuid").then().statusCode(404);
    }

    @Test
    void roles() {
        as(TENANT_A, "viewer").body(Map.of("name", "x")).post("/api/flows").then().statusCode(403);
        as(TENANT_A, "executor").body(Map.of("name", "x")).post("/api/flows").then().statusCode(403);
        String id = createFlow(editorA(), "roles");
        as(TENANT_A, "executor").body(Map.of("fdl", GREET)).post("/api/flows/" + id + "/versions").then().statusCode(403);
        as(TENANT_A, "executor").body(Map.of("name", "y")).put("/api/flows/" + id).then().statusCode(403);
        as(TENANT_A, "executor").delete("/api/flows/" + id).then().statusCode(403);
        as(TENANT_A, "viewer").get("/api/flows/" + id + "/versions").then().statusCode(200);
        as(TENANT_A, "admin").body(Map.of("fdl", GREET)).post("/api/flows/" + id + "/versions").then().statusCode(201);
    }

    @Test
    void versionsFromYamlAreImmutableAndNumbered() {
        String id = createFlow(editorA(), "versions");
        String v1 = editorA().body(Map.of("fdl", GREET, "label", "first")).post("/api/flows/" + id + "/versions")
                .then().statusCode(201)
                .body("flow_id", equalTo(id)).body("version_number", equalTo(1)).body("label", equalTo("first"))
                .body("created_at", notNullValue())
                .extract().path("id");
        String v2 = addVersion(editorA(), id, GREET.replace("name: greet", "name: greet two"));

        as(TENANT_A, "viewer").get("/api/flows/" + id + "/versions").then().statusCode(200)
                .body("flow_id", equalTo(id)).body("total", equalTo(2))
                .body("versions.id", contains(v2, v1))
                .body("versions[0].version_number", equalTo(2));

        as(TENANT_A, "viewer").get("/api/flows/" + id + "/versions/" + v1).then().statusCode(200)
                .body("id", equalTo(v1)).body("version_number", equalTo(1))
                .body("fdl", equalTo(GREET))
                .body("data.nodes.id", hasItems("a", "b", "c"))
                .body("data.edges", not(empty()));

        editorA().get("/api/flows/" + id).then()
                .body("latest_version", equalTo(2)).body("latest_version_id", equalTo(v2))
                .body("version_count", equalTo(2));
    }

    @Test
    void versionFromEditorGraphRoundTrips() {
        String id = createFlow(editorA(), "editor");
        String vid = editorA().body("{\"data\": " + EDITOR_GRAPH + "}").post("/api/flows/" + id + "/versions")
                .then().statusCode(201).extract().path("id");
        editorA().get("/api/flows/" + id + "/versions/" + vid).then().statusCode(200)
                .body("data.meta.name", equalTo("editor flow"))
                .body("data.nodes[1].selected", equalTo(true)) // stored as submitted, extra keys included
                .body("data.nodes[1].data.with", equalTo("y = x * 2"))
                .body("fdl", containsString("double:"))
                .body("fdl", containsString("    "));
    }

    @Test
    void invalidDefinitionsAre422AndStoreNothing() {
        String id = createFlow(editorA(), "invalid");
        editorA().body(Map.of("fdl", INVALID)).post("/api/flows/" + id + "/versions").then().statusCode(422)
                .body("code", equalTo("INVALID_FLOW"))
                .body("error", not(emptyString()))
                .body("diagnostics.code", hasItem("JUMP_UNKNOWN"))
                .body("diagnostics.find { it.code == 'JUMP_UNKNOWN' }.severity", equalTo("error"))
                .body("diagnostics.find { it.code == 'JUMP_UNKNOWN' }.node", equalTo("a"))
                .body("diagnostics.find { it.code == 'JUMP_UNKNOWN' }.line", greaterThan(0))
                .body("diagnostics.find { it.code == 'JUMP_UNKNOWN' }.path", notNullValue());
        editorA().body(Map.of("fdl", BAD_YAML)).post("/api/flows/" + id + "/versions").then().statusCode(422)
                .body("diagnostics.code", hasItem("YAML_SYNTAX"));
        editorA().get("/api/flows/" + id + "/versions").then().body("total", equalTo(0));
        // an editor graph is different: the editor autosaves drafts (editor-json.md §6), stored as invalid
        editorA().body(Map.of("data", Map.of("nodes", List.of(Map.of("id", "n1", "data", Map.of("nodeType", "agent"))))))
                .post("/api/flows/" + id + "/versions").then().statusCode(201)
                .body("valid", equalTo(false)).body("diagnostics.code", hasItem("KIND_UNSUPPORTED"));
        editorA().get("/api/flows/" + id + "/versions").then().body("total", equalTo(1));

        editorA().body(Map.of("fdl", GREET, "data", Map.of())).post("/api/flows/" + id + "/versions")
                .then().statusCode(400).body("code", equalTo("BAD_REQUEST"));
        editorA().body(Map.of("label", "nothing")).post("/api/flows/" + id + "/versions").then().statusCode(400);
        editorA().body(Map.of("data", List.of(1))).post("/api/flows/" + id + "/versions").then().statusCode(400);
    }

    @Test
    void validateLintsWithoutStoring() {
        as(TENANT_A, "viewer").body(Map.of("fdl", GREET)).post("/api/flows/validate").then().statusCode(200)
                .body("valid", equalTo(true)).body("diagnostics.findAll { it.severity == 'error' }", empty());
        as(TENANT_A, "viewer").body(Map.of("fdl", INVALID)).post("/api/flows/validate").then().statusCode(200)
                .body("valid", equalTo(false)).body("diagnostics.code", hasItem("JUMP_UNKNOWN"));
        as(TENANT_A, "viewer").body("{\"data\": " + EDITOR_GRAPH + "}").post("/api/flows/validate").then()
                .statusCode(200).body("valid", equalTo(true));
        as(TENANT_A, "viewer").body(Map.of()).post("/api/flows/validate").then().statusCode(400);
    }

    @Test
    void publishUnpublishAndDeleteRules() {
        String id = createFlow(editorA(), "publish");
        String v1 = addVersion(editorA(), id, GREET);
        String v2 = addVersion(editorA(), id, GREET);
        editorA().body(Map.of("version_id", v1)).post("/api/flows/" + id + "/publish").then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("publish")).body("published", equalTo(true))
                .body("published_version_id", equalTo(v1)).body("published_at", notNullValue());
        as(TENANT_A, "viewer").get("/api/flows/" + id + "/publish-status").then().statusCode(200)
                .body("published", equalTo(true)).body("published_version_id", equalTo(v1));
        editorA().get("/api/flows/" + id).then().body("published", equalTo(true)).body("published_version_id", equalTo(v1));

        editorA().delete("/api/flows/" + id + "/versions/" + v1).then().statusCode(409)
                .body("code", equalTo("VERSION_PUBLISHED"));
        editorA().delete("/api/flows/" + id + "/versions/" + v2).then().statusCode(200)
                .body("success", equalTo(true)).body("flow_id", equalTo(id)).body("deleted_version_id", equalTo(v2));
        editorA().get("/api/flows/" + id + "/versions/" + v2).then().statusCode(404);

        editorA().post("/api/flows/" + id + "/unpublish").then().statusCode(200)
                .body("published", equalTo(false)).body("published_version_id", nullValue());
        editorA().delete("/api/flows/" + id + "/versions/" + v1).then().statusCode(200);

        String other = flowWith("other", GREET);
        String otherVersion = editorA().get("/api/flows/" + other).then().extract().path("latest_version_id");
        editorA().body(Map.of("version_id", otherVersion)).post("/api/flows/" + id + "/publish").then().statusCode(404);
        editorA().body(Map.of()).post("/api/flows/" + id + "/publish").then().statusCode(400);
        as(TENANT_A, "executor").body(Map.of("version_id", otherVersion)).post("/api/flows/" + other + "/publish")
                .then().statusCode(403);
    }

    @Test
    void anotherTenantSeesNothing() {
        String id = flowWith("tenant a only", GREET);
        String vid = editorA().get("/api/flows/" + id).then().extract().path("latest_version_id");
        String base = "/api/flows/" + id;
        editorB().get(base).then().statusCode(404);
        editorB().body(Map.of("name", "stolen")).put(base).then().statusCode(404);
        editorB().get(base + "/versions").then().statusCode(404);
        editorB().body(Map.of("fdl", GREET)).post(base + "/versions").then().statusCode(404);
        editorB().get(base + "/versions/" + vid).then().statusCode(404);
        editorB().delete(base + "/versions/" + vid).then().statusCode(404);
        editorB().body(Map.of("version_id", vid)).post(base + "/publish").then().statusCode(404);
        editorB().post(base + "/unpublish").then().statusCode(404);
        editorB().get(base + "/publish-status").then().statusCode(404);
        editorB().delete(base).then().statusCode(404);
        editorB().get("/api/flows").then().body("flows.id", not(hasItem(id)));
        // still intact for its owner
        editorA().get(base).then().statusCode(200).body("name", equalTo("tenant a only")).body("version_count", equalTo(1));
    }
}
