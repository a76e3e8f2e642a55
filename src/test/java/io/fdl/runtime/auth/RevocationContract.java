package io.fdl.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.testsupport.TestTokens;
import io.fdl.runtime.ws.WsClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Revocation (issue 14 item 7): deleting or disabling a stored user, or changing its roles, ends
 * the tokens issued before at their very next request — REST and WebSocket. Run with dev mode off
 * in memory ({@link RevocationTest}) and against PostgreSQL ({@link RevocationPostgresTest}).
 */
abstract class RevocationContract {
    static final String SECRET = "revocation-test-secret-0123456789-abcdefghij";
    static final Map<String, String> PROD = Map.of("fdl.dev-mode", "false", "fdl.jwt-secret", SECRET,
            "fdl.bootstrap-admin-password", "bootstrap-admin-pw", "fdl.cors-origins", "https://fdl.example");

    @TestHTTPResource("/")
    URI base;

    static JsonNode loginPair(String user, String pw) {
        return given().contentType(ContentType.JSON).body(Map.of("username", user, "password", pw))
                .post("/api/auth/login").then().statusCode(200).extract().as(JsonNode.class);
    }

    static String login(String user, String pw) {
        return loginPair(user, pw).path("access_token").asText();
    }

    static RequestSpecification with(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** A fresh stored user with {@code roles}; returns its id. */
    static String newUser(String admin, String name, List<String> roles) {
        return with(admin).body(Map.of("username", name, "password", name + "-password", "roles", roles))
                .post("/api/users").then().statusCode(201).body("disabled", is(false)).extract().path("id");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void deletingAUserEndsItsTokensAtTheNextRequest() {
        String admin = login("admin", "bootstrap-admin-pw");
        String name = unique("del");
        String id = newUser(admin, name, List.of("editor"));
        String token = login(name, name + "-password");
        with(token).get("/api/flows").then().statusCode(200);
        with(token).body(Map.of("name", "before")).post("/api/flows").then().statusCode(201);

        with(admin).delete("/api/users/" + id).then().statusCode(200);
        with(token).get("/api/flows").then().statusCode(401).body("code", is("UNAUTHORIZED"));
        with(token).body(Map.of("name", "after")).post("/api/flows").then().statusCode(401).body("code", is("UNAUTHORIZED"));
        with(token).get("/api/auth/me").then().statusCode(401).body("code", is("UNAUTHORIZED"));
    }

    @Test
    void changingRolesEndsTheOldTokensAndTheNewLoginHasTheNewRoles() {
        String admin = login("admin", "bootstrap-admin-pw");
        String name = unique("roles");
        String id = newUser(admin, name, List.of("editor"));
        String editor = login(name, name + "-password");
        with(editor).body(Map.of("name", "by editor")).post("/api/flows").then().statusCode(201);

        with(admin).body(Map.of("roles", List.of("viewer"))).patch("/api/users/" + id).then().statusCode(200)
                .body("roles", contains("viewer"));
        with(editor).body(Map.of("name", "stale")).post("/api/flows").then().statusCode(401).body("code", is("UNAUTHORIZED"));
        String viewer = login(name, name + "-password");
        with(viewer).get("/api/flows").then().statusCode(200);
        with(viewer).body(Map.of("name", "x")).post("/api/flows").then().statusCode(403).body("code", is("FORBIDDEN"));
        // an unchanged PATCH keeps the tokens valid
        with(admin).body(Map.of("roles", List.of("viewer"))).patch("/api/users/" + id).then().statusCode(200);
        with(viewer).get("/api/flows").then().statusCode(200);
    }

    @Test
    void disablingAUserEndsItsTokensLoginAndRefresh() {
        String admin = login("admin", "bootstrap-admin-pw");
        String name = unique("dis");
        String id = newUser(admin, name, List.of("executor"));
        JsonNode pair = loginPair(name, name + "-password");
        String token = pair.path("access_token").asText();
        with(token).get("/api/flows").then().statusCode(200);

        with(admin).body(Map.of("disabled", true)).patch("/api/users/" + id).then().statusCode(200).body("disabled", is(true));
        with(token).get("/api/flows").then().statusCode(401).body("code", is("UNAUTHORIZED"));
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", name + "-password"))
                .post("/api/auth/login").then().statusCode(401).body("code", is("INVALID_CREDENTIALS"));
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", pair.path("refresh_token").asText()))
                .post("/api/auth/refresh").then().statusCode(401).body("code", is("INVALID_REFRESH_TOKEN"));

        with(admin).body(Map.of("disabled", false)).patch("/api/users/" + id).then().statusCode(200);
        with(token).get("/api/flows").then().statusCode(401); // enabling again does not revive old tokens
        with(login(name, name + "-password")).get("/api/flows").then().statusCode(200);
    }

    @Test
    void patchRules() {
        String admin = login("admin", "bootstrap-admin-pw");
        String id = newUser(admin, unique("rules"), List.of("viewer"));
        with(admin).body(Map.of("roles", List.of("boss"))).patch("/api/users/" + id).then().statusCode(400)
                .body("code", is("INVALID_REQUEST"));
        with(admin).body(Map.of("roles", List.of())).patch("/api/users/" + id).then().statusCode(400)
                .body("code", is("INVALID_REQUEST"));
        with(admin).body(Map.of("disabled", true)).patch("/api/users/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", is("NOT_FOUND"));
        String self = with(admin).get("/api/users").then().extract().path("users.find { it.username == 'admin' }.id");
        with(admin).body(Map.of("disabled", true)).patch("/api/users/" + self).then().statusCode(409)
                .body("code", is("CANNOT_CHANGE_SELF"));
    }

    @Test
    void aStampForAnUnknownUserIsRefused() {
        long now = Instant.now().getEpochSecond();
        String claims = "{\"sub\":\"ghost\",\"tenant_id\":\"default\",\"roles\":[\"admin\"],\"iat\":" + (now - 5)
                + ",\"exp\":" + (now + 600) + ",\"iss\":\"fdl-runtime\",\"uid\":\"" + UUID.randomUUID() + "\",\"tv\":0}";
        with(TestTokens.sign(claims, SECRET, "HS256")).get("/api/flows").then().statusCode(401).body("code", is("UNAUTHORIZED"));
        String malformed = claims.replace("\"tv\":0", "\"tv\":\"zero\"");
        with(TestTokens.sign(malformed, SECRET, "HS256")).get("/api/flows").then().statusCode(401);
    }

    @Test
    void anOpenWebSocketLosesARevokedUser() {
        String admin = login("admin", "bootstrap-admin-pw");
        String name = unique("ws");
        String id = newUser(admin, name, List.of("viewer"));
        String token = login(name, name + "-password");
        try (WsClient c = WsClient.withHeader(base, token)) {
            assertEquals("pong", c.call("ping", null).path("result").asText());
            with(admin).delete("/api/users/" + id).then().statusCode(200);
            assertEquals(-32001, c.call("ping", null).path("error").path("code").asInt());
        }
        assertThrows(Exception.class, () -> WsClient.withHeader(base, token).close());
        try (WsClient c = WsClient.anonymous(base)) {
            assertEquals(-32001, c.call("auth", WsClient.params().put("token", token)).path("error").path("code").asInt());
        }
    }
}
