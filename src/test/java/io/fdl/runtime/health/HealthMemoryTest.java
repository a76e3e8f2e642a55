package io.fdl.runtime.health;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** Health, service info, OpenAPI, metrics and CORS in the default (in-memory, dev) mode. */
@QuarkusTest
class HealthMemoryTest {

    @Inject
    FdlMetrics metrics;

    @Test
    void basicLiveReady() {
        given().when().get("/api/health").then().statusCode(200)
                .body("status", equalTo("healthy")).body("version", not(emptyOrNullString()));
        given().when().get("/api/health/live").then().statusCode(200).body("alive", equalTo(true));
        given().when().get("/api/health/ready").then().statusCode(200)
                .body("ready", equalTo(true)).body("checks.database", equalTo("disabled"));
    }

    @Test
    void detailedInMemoryMode() {
        given().when().get("/api/health/detailed").then().statusCode(200)
                .body("status", equalTo("healthy"))
                .body("storage", equalTo("memory"))
                .body("uptime_seconds", greaterThanOrEqualTo(0))
                .body("started_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"))
                .body("database.status", equalTo("disabled"))
                .body("database.pool_size", equalTo(0))
                .body("executions.running", equalTo(0))
                .body("executions.waiting", equalTo(0))
                .body("websocket.connections", equalTo(0))
                .body("websocket.subscriptions", equalTo(0))
                .body("memory.used_bytes", notNullValue())
                .body("memory.max_bytes", notNullValue());
        var json = given().when().get("/api/health/detailed").then().extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertTrue(json.getLong("memory.used_bytes") > 0);
        org.junit.jupiter.api.Assertions.assertTrue(json.getLong("memory.max_bytes") >= json.getLong("memory.used_bytes"));
    }

    @Test
    void quarkusProbes() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void serviceInfo() {
        given().when().get("/").then().statusCode(200).contentType(ContentType.JSON)
                .body("name", equalTo("FDL Runtime"))
                .body("status", equalTo("running"))
                .body("endpoints.api", equalTo("/api"))
                .body("endpoints.websocket", equalTo("/ws"))
                .body("endpoints.swagger", equalTo("/swagger-ui"))
                .body("endpoints.openapi", equalTo("/openapi"));
    }

    @Test
    void openApiAndSwagger() {
        given().accept("application/json").when().get("/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/health/detailed"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/health"));
        given().when().get("/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void prometheusMetrics() {
        metrics.executionStarted();
        metrics.executionFinished("completed", Duration.ofMillis(120));
        metrics.nodeFinished("action", Duration.ofMillis(3));
        metrics.toolCall("api", "success");
        metrics.toolCall("db", "Some Weird/Value with an id 123e4567");
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String series : new String[]{"fdl_executions_started_total", "fdl_executions_finished_total{status=\"completed\"}",
                "fdl_execution_duration_seconds_bucket", "fdl_node_duration_seconds_bucket{kind=\"action\"",
                "fdl_tool_calls_total{outcome=\"success\",type=\"api\"}", "fdl_tool_calls_total{outcome=\"other\",type=\"db\"}",
                "fdl_executions_running ", "fdl_websocket_connections ", "http_server_requests_seconds"}) {
            org.junit.jupiter.api.Assertions.assertTrue(body.contains(series), "missing " + series);
        }
    }

    @Test
    void devModeCorsAllowsAnyOrigin() {
        given().header("Origin", "http://editor.example:5173").when().get("/api/health").then().statusCode(200)
                .header("Access-Control-Allow-Origin", anyOf(equalTo("*"), equalTo("http://editor.example:5173")));
    }
}
