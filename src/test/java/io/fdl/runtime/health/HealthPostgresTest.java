package io.fdl.runtime.health;

import io.fdl.runtime.testsupport.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** Health with the real PostgreSQL store ($FDL_TEST_DB): a real SELECT 1 through the reactive pool. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class HealthPostgresTest {

    @Test
    void readyChecksTheDatabase() {
        given().when().get("/api/health/ready").then().statusCode(200)
                .body("ready", equalTo(true)).body("checks.database", equalTo("up"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL connections health check")));
    }

    @Test
    void detailedReportsPostgresWithLatency() {
        given().when().get("/api/health/detailed").then().statusCode(200)
                .body("status", equalTo("healthy"))
                .body("storage", equalTo("postgres"))
                .body("database.status", equalTo("up"))
                .body("database.latency_ms", greaterThanOrEqualTo(0))
                .body("database.pool_size", equalTo(10));
    }
}
