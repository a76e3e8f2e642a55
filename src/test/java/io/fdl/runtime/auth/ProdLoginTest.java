package io.fdl.runtime.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** api.md §3.1 with dev mode off: stored users, bcrypt, bootstrap admin, lockout, audit. */
@QuarkusTest
@TestProfile(ProdLoginTest.Prod.class)
class ProdLoginTest {
    static final String SECRET = "prod-test-secret-0123456789-abcdefghijklmnop";

    public static class Prod implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fdl.dev-mode", "false", "fdl.jwt-secret", SECRET,
                    "fdl.bootstrap-admin-password", "bootstrap-admin-pw", "fdl.cors-origins", "https://fdl.example");
        }
    }

    static String login(String user, String pw) {
        return given().contentType(ContentType.JSON).body(Map.of("username", user, "password", pw))
                .post("/api/auth/login").then().statusCode(200).body("$", not(hasKey("dev_token")))
                .extract().path("access_token");
    }

    @Test
    void noCredentialsIs401WithDevModeOff() {
        for (String route : java.util.List.of("/api/flows", "/api/flows?published=true", "/api/tools/services",
                "/api/tools/udfs", "/api/auth/me")) {
            given().when().get(route).then().statusCode(401).contentType("application/json")
                    .body("code", is("UNAUTHORIZED"));
        }
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/flows").then().statusCode(401);
    }

    @Test
    void bootstrapAdminLogsInAndManagesUsers() {
        String admin = login("admin", "bootstrap-admin-pw");
        given().header("Authorization", "Bearer " + admin).get("/api/auth/me").then().statusCode(200)
                .body("role", is("superadmin"));
        given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON)
                .body(Map.of("username", "erin", "password", "erin-password", "roles", java.util.List.of("editor")))
                .post("/api/users").then().statusCode(201);
        String erin = login("erin", "erin-password");
        given().header("Authorization", "Bearer " + erin).get("/api/auth/me").then().body("role", is("editor"));
        given().header("Authorization", "Bearer " + erin).get("/api/users").then().statusCode(403);
        // dev-secret tokens are worthless here
        given().header("Authorization", "Bearer " + io.fdl.runtime.testsupport.TestTokens.admin()).get("/api/users")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + admin).queryParam("event_type", "auth.login").get("/api/audit")
                .then().body("total", greaterThanOrEqualTo(2));
    }

    @Test
    void wrongCredentialsAre401AndAudited() {
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "wrong-password"))
                .post("/api/auth/login").then().statusCode(401).body("code", is("INVALID_CREDENTIALS"));
        given().contentType(ContentType.JSON).body(Map.of("username", "nobody", "password", "whatever-pw"))
                .post("/api/auth/login").then().statusCode(401).body("code", is("INVALID_CREDENTIALS"));
        String admin = login("admin", "bootstrap-admin-pw");
        given().header("Authorization", "Bearer " + admin).queryParam("event_type", "auth.failed").get("/api/audit")
                .then().body("total", greaterThanOrEqualTo(2)).body("entries.details.username", hasItem("nobody"))
                .body("entries[0].details", not(hasKey("password")));
    }

    @Test
    void fiveFailuresLockTheAccount() {
        String admin = login("admin", "bootstrap-admin-pw");
        given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON)
                .body(Map.of("username", "frank", "password", "frank-password")).post("/api/users").then().statusCode(201);
        for (int i = 1; i <= 4; i++) {
            given().contentType(ContentType.JSON).body(Map.of("username", "frank", "password", "bad-" + i))
                    .post("/api/auth/login").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("username", "frank", "password", "bad-5"))
                .post("/api/auth/login").then().statusCode(429).body("code", is("ACCOUNT_LOCKED"))
                .header("Retry-After", notNullValue());
        // even the right password is refused while locked
        given().contentType(ContentType.JSON).body(Map.of("username", "frank", "password", "frank-password"))
                .post("/api/auth/login").then().statusCode(429).body("code", is("ACCOUNT_LOCKED"));
        // unknown names lock the same way (no user enumeration through the lockout)
        for (int i = 1; i <= 4; i++) {
            given().contentType(ContentType.JSON).body(Map.of("username", "ghost", "password", "bad-" + i))
                    .post("/api/auth/login").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("username", "ghost", "password", "bad-5"))
                .post("/api/auth/login").then().statusCode(429).body("code", is("ACCOUNT_LOCKED"));
    }

    @Test
    void refreshUsesTheStoredUser() {
        var r = given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "bootstrap-admin-pw"))
                .post("/api/auth/login").then().statusCode(200).extract();
        String refresh = r.path("refresh_token");
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh)).post("/api/auth/refresh")
                .then().statusCode(200).body("access_token", not(emptyOrNullString()));
        given().header("Authorization", "Bearer " + refresh).get("/api/auth/me").then().statusCode(401);
    }
}
