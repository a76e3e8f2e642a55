package io.fdl.runtime.it;

import io.fdl.runtime.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The packaged application in memory mode with production settings: stored users with bcrypt
 * hashes, the bootstrap admin, a real secret (never logged).
 */
class MemoryModeIT extends PackagedAppChecks {
    static final String SECRET = "it-memory-secret-0123456789-0123456789";
    static final String ADMIN_PASSWORD = "it-bootstrap-password";

    @Override
    Map<String, String> environment() {
        return Map.of("FDL_DEV_MODE", "false", "FDL_JWT_SECRET", SECRET, "FDL_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    @Override
    String jwtSecret() { return SECRET; }

    @Override
    String storage() { return "memory"; }

    @Override
    String adminPassword() { return ADMIN_PASSWORD; }

    @Override
    String loginAsAdmin() {
        return app.given().body(Map.of("username", "admin", "password", ADMIN_PASSWORD)).post("/api/auth/login").then()
                .statusCode(200).body("token_type", is("Bearer")).body("$", not(hasKey("dev_token")))
                .extract().path("access_token");
    }

    @Test
    void storedUsersLogInWithTheirPasswordOnly() throws Exception {
        String admin = loginAsAdmin();
        app.as(admin).get("/api/auth/me").then().statusCode(200).body("role", is("superadmin"));
        app.as(admin).body(Map.of("username", "erin", "password", "erin-password", "roles", List.of("editor")))
                .post("/api/users").then().statusCode(201);
        String erin = app.given().body(Map.of("username", "erin", "password", "erin-password")).post("/api/auth/login")
                .then().statusCode(200).extract().path("access_token");
        app.as(erin).get("/api/auth/me").then().body("role", is("editor"));
        app.as(erin).get("/api/users").then().statusCode(403);
        app.given().body(Map.of("username", "erin", "password", "wrong-password")).post("/api/auth/login").then()
                .statusCode(401).body("code", is("INVALID_CREDENTIALS"));
        app.given().body(Map.of("username", "nobody", "password", "whatever-pw")).post("/api/auth/login").then()
                .statusCode(401).body("code", is("INVALID_CREDENTIALS"));
        // tokens of the dev secret are not valid in production
        app.as(TestTokens.admin()).get("/api/flows").then().statusCode(401);
        assertFalse(app.output().contains(SECRET), "the secret must never be logged");
        assertFalse(app.output().contains(ADMIN_PASSWORD), "the bootstrap password must never be logged");
    }
}
