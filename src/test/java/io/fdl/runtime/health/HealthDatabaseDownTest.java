package io.fdl.runtime.health;

import io.fdl.runtime.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** Readiness must go DOWN (503) when the database is enabled but unreachable; liveness stays up. */
@QuarkusTest
@TestProfile(DatabaseDownProfile.class)
class HealthDatabaseDownTest {

    @Test
    void readinessIs503() {
        given().when().get("/api/health/ready").then().statusCode(503)
                .body("ready", equalTo(false)).body("checks.database", equalTo("down"));
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }

    @Test
    void livenessStaysUp() {
        given().when().get("/api/health/live").then().statusCode(200).body("alive", equalTo(true));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/api/health").then().statusCode(200);
    }

    @Test
    void detailedIsDegraded() {
        given().when().get("/api/health/detailed").then().statusCode(200)
                .body("status", equalTo("degraded"))
                .body("storage", equalTo("postgres"))
                .body("database.status", equalTo("down"))
                .body("database.latency_ms", nullValue());
    }

    /** A request that needs storage gets a clear 503 with Retry-After, not a hang or a 500. */
    @Test
    void storageRoutesAnswer503WhileTheDatabaseIsAway() {
        given().auth().oauth2(TestTokens.admin()).when().get("/api/flows").then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("STORAGE_UNAVAILABLE"));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{\"name\":\"x\"}")
                .when().post("/api/flows").then().statusCode(503).body("code", equalTo("STORAGE_UNAVAILABLE"));
    }
}
