package io.fdl.runtime.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** api.md §3.1 dev mode (the default): any credentials give a flagged admin dev token. */
@QuarkusTest
class DevLoginTest {

    @Test
    void anyCredentialsGiveADevAdminToken() {
        var r = given().contentType(ContentType.JSON).body(Map.of("username", "dev", "password", "x"))
                .post("/api/auth/login").then().statusCode(200)
                .body("token_type", is("Bearer")).body("expires_in", is(3600))
                .body("dev_token", is(true)).body("warning", containsString("dev"))
                .body("access_token", not(emptyOrNullString())).body("refresh_token", not(emptyOrNullString()))
                .extract();
        String access = r.path("access_token");
        given().header("Authorization", "Bearer " + access).get("/api/auth/me").then().statusCode(200)
                .body("username", is("dev")).body("tenant", is("default")).body("bu_code", is("default"))
                .body("tenant_id", is(TenantIds.DEFAULT_TENANT_ID)).body("role", is("admin"));
        // the refresh token is not an access token, but it refreshes
        String refresh = r.path("refresh_token");
        given().header("Authorization", "Bearer " + refresh).get("/api/auth/me").then().statusCode(401);
        String again = given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh))
                .post("/api/auth/refresh").then().statusCode(200).extract().path("access_token");
        given().header("Authorization", "Bearer " + again).get("/api/users").then().statusCode(200);
        // an access token is not a refresh token
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", access)).post("/api/auth/refresh")
                .then().statusCode(401).body("code", is("INVALID_REFRESH_TOKEN"));
    }

    @Test
    void devLoginIsForTheDefaultTenantOnlyAndNeverSuperadmin() {
        String access = given().contentType(ContentType.JSON)
                .body(Map.of("username", "u", "password", "p", "tenant_id", "default", "bu_code", "sales"))
                .post("/api/auth/login").then().statusCode(200).extract().path("access_token");
        given().header("Authorization", "Bearer " + access).get("/api/auth/me").then()
                .body("tenant", is("default")).body("tenant_id", is(TenantIds.DEFAULT_TENANT_ID)).body("bu_code", is("sales"))
                .body("role", is("admin"));
        // nobody can make themselves admin of a tenant of their choosing (issue 14 item 5)
        given().contentType(ContentType.JSON).body(Map.of("username", "x", "password", "y", "tenant_id", "victim-corp"))
                .post("/api/auth/login").then().statusCode(403).body("code", is("DEV_LOGIN_TENANT"));
        given().header("Authorization", "Bearer " + access).get("/api/tenants").then().statusCode(403);
        given().get("/api/tenants").then().statusCode(403); // anonymous dev caller: admin, not superadmin
    }

    @Test
    void malformedLogins() {
        given().contentType(ContentType.JSON).body(Map.of("password", "p")).post("/api/auth/login").then()
                .statusCode(400).body("code", is("INVALID_REQUEST"));
        given().contentType(ContentType.JSON).body(Map.of("username", "u")).post("/api/auth/login").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"username\": ").post("/api/auth/login").then().statusCode(400);
        given().contentType(ContentType.JSON).body("[]").post("/api/auth/login").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("username", "u".repeat(201), "password", "p"))
                .post("/api/auth/login").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/auth/refresh").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", "junk")).post("/api/auth/refresh")
                .then().statusCode(401);
    }
}
