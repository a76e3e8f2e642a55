package io.fdl.runtime.it;

import io.fdl.runtime.testsupport.LaunchedApp;
import io.fdl.runtime.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The packaged application on the real PostgreSQL (database FDL_TEST_DB, migrated by Flyway at
 * start) in dev mode: dev login, DATABASE_URL translation, and data that survives a restart.
 */
class PostgresModeIT extends PackagedAppChecks {

    @Override
    Map<String, String> environment() {
        return Map.of("FDL_USE_DATABASE", "true", "DATABASE_URL", "postgres://fdl:fdl@127.0.0.1:5432/" + DB + "?sslmode=disable",
                "FDL_DB_POOL_SIZE", "4",
                // dev mode has no constant secret: give it one so tokens signed here (and across the restart) verify
                "FDL_JWT_SECRET", TestTokens.DEV_SECRET);
    }

    @Override
    String jwtSecret() { return TestTokens.DEV_SECRET; }

    @Override
    String storage() { return "postgres"; }

    @Override
    String adminPassword() { return "any-password"; }

    @Override
    String loginAsAdmin() {
        return app.given().body(Map.of("username", "admin", "password", "any-password")).post("/api/auth/login").then()
                .statusCode(200).body("dev_token", is(true)).extract().path("access_token");
    }

    @Test
    void databaseSettingsAreUsedAndNeverLogged() throws Exception {
        app.given().get("/api/health/detailed").then().statusCode(200)
                .body("database.status", is("up")).body("database.pool_size", is(4));
        app.given().get("/api/health/ready").then().statusCode(200).body("checks.database", notNullValue());
        assertFalse(app.output().contains("fdl:fdl@"), "the URL with its password must not be logged");
    }

    @Test
    void flowsAndExecutionsSurviveARestart() throws Exception {
        String t = tenant();
        String flowId = flowWithVersion(t, GREET);
        String executionId = as(t, "executor").body(Map.of("inputs", Map.of("name", "Bo"))).post("/api/execute/" + flowId)
                .then().statusCode(200).extract().path("execution_id");
        app.close();
        app = LaunchedApp.start(environment());
        as(t, "viewer").get("/api/flows/" + flowId).then().statusCode(200).body("version_count", is(1));
        as(t, "viewer").get("/api/execute/status/" + executionId).then().statusCode(200)
                .body("status", is("completed")).body("result.outputs.message", is("Hello Bo!"));
        as(t, "viewer").get("/api/execute/" + executionId + "/events").then().statusCode(200)
                .body("events.event_type", hasItems("started", "completed"));
    }
}
