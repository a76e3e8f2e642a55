package io.fdl.runtime.auth;

import io.fdl.runtime.testsupport.TestTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * Tenants, users and audit (api.md §9): RBAC, validation, tenant isolation. Run in memory
 * ({@link AdminApiTest}) and against PostgreSQL ({@link AdminApiPostgresTest}).
 */
abstract class AdminApiContract {

    static String uniqueTenant() { return "t-" + UUID.randomUUID().toString().substring(0, 8); }

    static String bearer(String tenant, String role) { return "Bearer " + TestTokens.token(tenant, role); }

    // ---- RBAC matrix over this area's route classes -------------------------------------------

    @Test
    void rbacMatrix() {
        String tenant = uniqueTenant();
        String flowKeys = "/api/flows/" + UUID.randomUUID() + "/api-keys";
        // route -> minimum role; at or above it the route answers 200 (or 404 for the unknown flow)
        Map<String, String> minimum = Map.of("/api/tenants", Roles.SUPERADMIN, "/api/users", Roles.ADMIN,
                "/api/audit", Roles.ADMIN, flowKeys, Roles.ADMIN, "/api/auth/me", Roles.VIEWER);
        for (String role : Roles.HIERARCHY) {
            for (var e : minimum.entrySet()) {
                boolean allowed = Roles.satisfies(List.of(role), e.getValue());
                int expected = !allowed ? 403 : e.getKey().equals(flowKeys) ? 404 : 200;
                given().header("Authorization", bearer(tenant, role)).when().get(e.getKey()).then()
                        .statusCode(expected).contentType(ContentType.JSON);
            }
            given().header("Authorization", bearer(tenant, role)).contentType(ContentType.JSON)
                    .body(Map.of("name", "x")).when().post("/api/tenants").then()
                    .statusCode(role.equals(Roles.SUPERADMIN) ? 201 : 403);
        }
        for (String route : minimum.keySet()) {
            given().header("Authorization", "Bearer not-a-token").when().get(route).then().statusCode(401)
                    .body("code", is("UNAUTHORIZED"));
        }
    }

    @Test
    void forbiddenIsAuditedAsTenantAccessDenied() {
        String tenant = uniqueTenant();
        given().header("Authorization", bearer(tenant, Roles.EDITOR)).when().get("/api/users").then().statusCode(403)
                .body("code", is("FORBIDDEN"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("Authorization", bearer(tenant, Roles.ADMIN))
                        .queryParam("event_type", AuditEvents.TENANT_ACCESS_DENIED).when().get("/api/audit").then()
                        .statusCode(200).body("total", is(1))
                        .body("entries[0].details.path", is("/api/users"))
                        .body("entries[0].user_id", is("user-editor")));
    }

    // ---- tenants -------------------------------------------------------------------------------

    @Test
    void tenantLifecycle() {
        String su = bearer("default", Roles.SUPERADMIN);
        String name = uniqueTenant();
        String id = TenantIds.toUuid(name);
        given().header("Authorization", su).contentType(ContentType.JSON)
                .body(Map.of("id", name, "name", "Acme " + name, "bu_code", "sales", "max_flows", 3,
                        "max_executions_per_day", 100, "config", Map.of("region", "eu")))
                .when().post("/api/tenants").then().statusCode(201)
                .header("Location", endsWith("/api/tenants/" + id))
                .body("id", is(id)).body("bu_code", is("sales")).body("max_flows", is(3))
                .body("max_executions_per_day", is(100)).body("is_active", is(true))
                .body("config.region", is("eu")).body("created_at", notNullValue());
        // by name and by UUID
        given().header("Authorization", su).when().get("/api/tenants/" + name).then().statusCode(200).body("id", is(id));
        given().header("Authorization", su).when().get("/api/tenants/" + id).then().statusCode(200).body("name", is("Acme " + name));
        given().header("Authorization", su).when().get("/api/tenants").then().statusCode(200)
                .body("tenants.id", hasItem(id)).body("total", greaterThanOrEqualTo(1));
        // duplicate
        given().header("Authorization", su).contentType(ContentType.JSON).body(Map.of("id", name, "name", "again"))
                .when().post("/api/tenants").then().statusCode(409).body("code", is("TENANT_EXISTS"));
        // partial update; explicit null = unlimited
        given().header("Authorization", su).contentType(ContentType.JSON)
                .body("{\"max_flows\": null, \"is_active\": false, \"description\": \"d\"}")
                .when().put("/api/tenants/" + id).then().statusCode(200)
                .body("max_flows", nullValue()).body("max_executions_per_day", is(100))
                .body("is_active", is(false)).body("description", is("d")).body("name", is("Acme " + name));
        // audited in the tenant that changed
        given().header("Authorization", bearer(name, Roles.ADMIN)).queryParam("event_type", "tenant.update")
                .when().get("/api/audit").then().statusCode(200).body("total", is(1))
                .body("entries[0].resource_id", is(id));
        given().header("Authorization", su).when().delete("/api/tenants/" + id).then().statusCode(200)
                .body("success", is(true)).body("deleted_id", is(id));
        given().header("Authorization", su).when().get("/api/tenants/" + id).then().statusCode(404).body("code", is("NOT_FOUND"));
        given().header("Authorization", su).when().delete("/api/tenants/" + id).then().statusCode(404);
        given().header("Authorization", su).contentType(ContentType.JSON).body("{}")
                .when().put("/api/tenants/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void defaultTenantCannotBeDeleted() {
        given().header("Authorization", bearer("default", Roles.SUPERADMIN)).when().delete("/api/tenants/default")
                .then().statusCode(409).body("code", is("DEFAULT_TENANT"));
    }

    @Test
    void tenantValidation() {
        String su = bearer("default", Roles.SUPERADMIN);
        given().header("Authorization", su).contentType(ContentType.JSON).body(Map.of("bu_code", "x"))
                .when().post("/api/tenants").then().statusCode(400).body("code", is("INVALID_REQUEST"));
        given().header("Authorization", su).contentType(ContentType.JSON).body(Map.of("name", "n", "max_flows", -1))
                .when().post("/api/tenants").then().statusCode(400).body("error", containsString("max_flows"));
        given().header("Authorization", su).contentType(ContentType.JSON).body(Map.of("name", "n", "config", List.of(1)))
                .when().post("/api/tenants").then().statusCode(400).body("error", containsString("config"));
        given().header("Authorization", su).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/tenants").then().statusCode(400).contentType(ContentType.JSON);
        given().header("Authorization", su).contentType(ContentType.JSON).body("{\"name\": \"n\", \"max_flows\": \"many\"}")
                .when().post("/api/tenants").then().statusCode(400);
        given().header("Authorization", su).contentType(ContentType.JSON).body("[1,2]")
                .when().put("/api/tenants/default").then().statusCode(400);
        given().header("Authorization", su).contentType(ContentType.JSON).body("{\"is_active\": \"yes\"}")
                .when().put("/api/tenants/default").then().statusCode(400);
        given().header("Authorization", su).contentType(ContentType.JSON).body(Map.of("name", "x".repeat(201)))
                .when().post("/api/tenants").then().statusCode(400);
    }

    // ---- users ---------------------------------------------------------------------------------

    @Test
    void userLifecycleAndValidation() {
        String tenant = uniqueTenant();
        String admin = bearer(tenant, Roles.ADMIN);
        String id = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "alice", "password", "correct horse", "roles", List.of("editor"), "bu_code", "ops"))
                .when().post("/api/users").then().statusCode(201)
                .body("username", is("alice")).body("roles", contains("editor")).body("bu_code", is("ops"))
                .body("tenant_id", is(TenantIds.toUuid(tenant)))
                .body("$", not(hasKey("password"))).body("$", not(hasKey("password_hash")))
                .extract().path("id");
        given().header("Authorization", admin).when().get("/api/users").then().statusCode(200)
                .body("total", is(1)).body("users[0].id", is(id)).body("users[0]", not(hasKey("password_hash")));
        given().header("Authorization", admin).when().get("/api/users/" + id).then().statusCode(200).body("username", is("alice"));
        // duplicate name in the same tenant
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "alice", "password", "another password"))
                .when().post("/api/users").then().statusCode(409).body("code", is("USER_EXISTS"));
        // validation
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "bob", "password", "short")).when().post("/api/users").then().statusCode(400);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "bob", "password", "x".repeat(73))).when().post("/api/users").then().statusCode(400);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "bad name!", "password", "long enough")).when().post("/api/users").then().statusCode(400);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "bob", "password", "long enough", "roles", List.of("god")))
                .when().post("/api/users").then().statusCode(400).body("error", containsString("god"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "bob", "password", "long enough", "roles", List.of("superadmin")))
                .when().post("/api/users").then().statusCode(403);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"username\": 5, \"password\": []}")
                .when().post("/api/users").then().statusCode(400);
        given().header("Authorization", admin).when().get("/api/users/not-a-uuid").then().statusCode(404);
        // audit
        given().header("Authorization", admin).queryParam("event_type", "user.create").when().get("/api/audit").then()
                .statusCode(200).body("total", is(1)).body("entries[0].details.username", is("alice"))
                .body("entries[0].details", not(hasKey("password")));
        // delete
        given().header("Authorization", admin).when().delete("/api/users/" + id).then().statusCode(200)
                .body("success", is(true)).body("deleted_id", is(id));
        given().header("Authorization", admin).when().delete("/api/users/" + id).then().statusCode(404);
        given().header("Authorization", admin).when().get("/api/users").then().body("total", is(0));
    }

    @Test
    void adminCannotDeleteItselfNorASuperadmin() {
        String tenant = uniqueTenant();
        String su = bearer(tenant, Roles.SUPERADMIN);
        String rootId = given().header("Authorization", su).contentType(ContentType.JSON)
                .body(Map.of("username", "root", "password", "long enough", "roles", List.of("superadmin")))
                .when().post("/api/users").then().statusCode(201).extract().path("id");
        given().header("Authorization", bearer(tenant, Roles.ADMIN)).when().delete("/api/users/" + rootId).then()
                .statusCode(403);
        // TestTokens names the subject user-<role>
        String selfId = given().header("Authorization", su).contentType(ContentType.JSON)
                .body(Map.of("username", "user-admin", "password", "long enough", "roles", List.of("admin")))
                .when().post("/api/users").then().statusCode(201).extract().path("id");
        given().header("Authorization", bearer(tenant, Roles.ADMIN)).when().delete("/api/users/" + selfId).then()
                .statusCode(409).body("code", is("CANNOT_DELETE_SELF"));
    }

    @Test
    void tenantIsolation() {
        String a = uniqueTenant();
        String b = uniqueTenant();
        String userA = given().header("Authorization", bearer(a, Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("username", "carol", "password", "long enough"))
                .when().post("/api/users").then().statusCode(201).extract().path("id");
        String adminB = bearer(b, Roles.ADMIN);
        given().header("Authorization", adminB).when().get("/api/users/" + userA).then().statusCode(404)
                .body("code", is("NOT_FOUND"));
        given().header("Authorization", adminB).when().delete("/api/users/" + userA).then().statusCode(404);
        given().header("Authorization", adminB).when().get("/api/users").then().body("total", is(0));
        // tenant_id in the query is ignored for an admin…
        given().header("Authorization", adminB).queryParam("tenant_id", a).when().get("/api/users").then()
                .body("total", is(0));
        given().header("Authorization", adminB).queryParam("tenant_id", a).when().get("/api/users/" + userA)
                .then().statusCode(404);
        given().header("Authorization", adminB).queryParam("tenant_id", a).when().get("/api/audit").then()
                .body("total", is(0));
        // …and honoured for a superadmin
        given().header("Authorization", bearer(b, Roles.SUPERADMIN)).queryParam("tenant_id", a).when().get("/api/users")
                .then().body("total", is(1)).body("users[0].username", is("carol"));
        // the user still exists in A
        given().header("Authorization", bearer(a, Roles.ADMIN)).when().get("/api/users/" + userA).then().statusCode(200);
        given().header("Authorization", bearer(a, Roles.ADMIN)).when().get("/api/audit").then()
                .body("entries.event_type", hasItem("user.create"));
    }

    // ---- audit ---------------------------------------------------------------------------------

    @Test
    void auditPagingAndValidation() {
        String tenant = uniqueTenant();
        String admin = bearer(tenant, Roles.ADMIN);
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body(Map.of("username", "u" + i, "password", "long enough")).when().post("/api/users")
                    .then().statusCode(201);
        }
        given().header("Authorization", admin).queryParam("limit", 2).when().get("/api/audit").then().statusCode(200)
                .body("entries", hasSize(2)).body("total", is(3)).body("limit", is(2)).body("offset", is(0))
                .body("entries[0].details.username", is("u2")) // newest first
                .body("entries[0].created_at", notNullValue())
                .body("entries[0].user_id", is("user-admin"));
        given().header("Authorization", admin).queryParam("limit", 2).queryParam("offset", 2).when().get("/api/audit")
                .then().body("entries", hasSize(1)).body("entries[0].details.username", is("u0"));
        given().header("Authorization", admin).queryParam("event_type", "flow.create").when().get("/api/audit").then()
                .body("total", is(0));
        given().header("Authorization", admin).queryParam("limit", "ten").when().get("/api/audit").then().statusCode(400)
                .body("code", is("INVALID_REQUEST"));
        given().header("Authorization", admin).queryParam("limit", 0).when().get("/api/audit").then().statusCode(400);
        given().header("Authorization", admin).queryParam("limit", 501).when().get("/api/audit").then().statusCode(400);
        given().header("Authorization", admin).queryParam("offset", -1).when().get("/api/audit").then().statusCode(400);
        given().header("Authorization", admin).queryParam("event_type", "'; drop table").when().get("/api/audit").then()
                .statusCode(400);
    }
}
