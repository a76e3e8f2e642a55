package io.fdl.runtime.api.error;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** api.md §2: every framework error is the JSON envelope, never a default page or a stack trace. */
@QuarkusTest
class ErrorEnvelopeTest {

    @Test
    void unknownRoutesAre404Envelopes() {
        for (String path : new String[]{"/api/no-such-thing", "/nowhere/at/all", "/q/nothing-here"}) {
            given().when().get(path).then()
                    .statusCode(404)
                    .contentType(ContentType.JSON)
                    .body("code", equalTo("NOT_FOUND"))
                    .body("error", not(emptyOrNullString()))
                    .header(RequestId.HEADER, not(emptyOrNullString()));
        }
    }

    @Test
    void wrongMethodIs405() {
        given().when().delete("/api/health").then()
                .statusCode(405).contentType(ContentType.JSON).body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void malformedJsonIs400() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\",").when().post("/test-support/errors/echo").then()
                .statusCode(400).contentType(ContentType.JSON)
                .body("code", equalTo("MALFORMED_JSON"))
                .body("error", not(containsString("Exception")));
    }

    @Test
    void wrongJsonShapeIs400WithField() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"count\": \"many\"}").when()
                .post("/test-support/errors/echo").then()
                .statusCode(400).body("code", equalTo("INVALID_REQUEST")).body("details.field", equalTo("count"));
        given().contentType(ContentType.JSON).body("[1,2]").when().post("/test-support/errors/echo").then()
                .statusCode(400).body("code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void validJsonPassesThrough() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"count\": 2}").when()
                .post("/test-support/errors/echo").then().statusCode(200).body("count", equalTo(2));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("hi").when().post("/test-support/errors/echo").then()
                .statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "{\"name\":\"" + "a".repeat(1_048_576) + "\",\"count\":1}";
        given().contentType(ContentType.JSON).body(big).when().post("/test-support/errors/echo").then()
                .statusCode(413).contentType(ContentType.JSON)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("details.max_bytes", equalTo(1_048_576));
    }

    @Test
    void unexpectedErrorIs500WithRequestIdAndNoStackTrace() {
        String requestId = "probe-500-" + System.nanoTime();
        var response = given().header(RequestId.HEADER, requestId).when().get("/test-support/errors/boom").then()
                .statusCode(500).contentType(ContentType.JSON)
                .body("code", equalTo("INTERNAL_ERROR"))
                .body("request_id", equalTo(requestId))
                .header(RequestId.HEADER, requestId)
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(response.contains("internal detail"), response);
        org.junit.jupiter.api.Assertions.assertFalse(response.contains("at io.fdl"), response);
    }

    @Test
    void generatedRequestIdWhenNoneOrUnsafeGiven() {
        String id = given().when().get("/test-support/errors/boom").then().statusCode(500)
                .extract().path("request_id");
        org.junit.jupiter.api.Assertions.assertTrue(id.matches("[0-9a-f-]{36}"), id);
        given().header(RequestId.HEADER, "evil\tvalue with spaces").when().get("/api/health").then()
                .header(RequestId.HEADER, matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void apiExceptionCarriesExtrasAndRetryAfter() {
        given().when().get("/test-support/errors/api-exception").then()
                .statusCode(429)
                .header("Retry-After", "7")
                .body("code", equalTo("QUOTA_EXCEEDED"))
                .body("error", equalTo("Too many executions"))
                .body("retry_after", equalTo(7))
                .body("validation_errors[0]", equalTo("a: required"))
                .body("$", not(hasKey("request_id")));
        given().when().get("/test-support/errors/conflict").then()
                .statusCode(409).body("code", equalTo("VERSION_PUBLISHED")).body("details.version_id", equalTo("v1"));
    }

    @Test
    void securityErrorsAreEnvelopes() {
        given().when().get("/test-support/errors/secured").then()
                .statusCode(401).contentType(ContentType.JSON).body("code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Bearer not.a.jwt").when().get("/test-support/errors/secured").then()
                .statusCode(401).contentType(ContentType.JSON).body("code", equalTo("UNAUTHORIZED"));
        given().when().get("/test-support/errors/forbidden").then()
                .statusCode(403).contentType(ContentType.JSON).body("code", equalTo("FORBIDDEN"))
                .body("error", not(containsString("role missing")));
    }
}
