package io.fdl.runtime.auth;

import io.fdl.runtime.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** api.md §3.1: which bearer tokens open /api/** and which are refused with the 401 envelope. */
@QuarkusTest
class JwtAuthTest {
    static final String WHOAMI = "/api/test-auth/whoami";

    static long in(long s) { return Instant.now().getEpochSecond() + s; }

    static String signed(String claims) { return TestTokens.sign(claims, TestTokens.DEV_SECRET, "HS256"); }

    void expect401(String token) {
        given().header("Authorization", "Bearer " + token).when().get(WHOAMI).then()
                .statusCode(401).contentType("application/json")
                .header("WWW-Authenticate", "Bearer")
                .body("code", is("UNAUTHORIZED")).body("error", not(emptyOrNullString()));
    }

    @Test
    void validTokenIsAcceptedAndExposesTheCaller() {
        given().header("Authorization", "Bearer " + TestTokens.token("default", "editor"))
                .when().get(WHOAMI).then().statusCode(200)
                .body("tenant_id", is(TestTokens.DEFAULT_TENANT))
                .body("tenant_claim", is("default"))
                .body("bu_code", is("default"))
                .body("username", is("user-editor"))
                .body("roles", contains("editor", "executor", "viewer"))
                .body("superadmin", is(false));
    }

    @Test
    void missingTokenActsAsDevCallerAndOtherSchemesAre401() {
        // dev mode (the test default): no credentials = admin of tenant default, never superadmin;
        // with dev mode off the same request is 401 (ProdLoginTest.noCredentialsIs401WithDevModeOff)
        given().when().get(WHOAMI).then().statusCode(200).body("tenant_id", is(TestTokens.DEFAULT_TENANT))
                .body("roles", hasItem("admin")).body("superadmin", is(false));
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().get(WHOAMI).then().statusCode(401)
                .contentType("application/json").body("code", is("UNAUTHORIZED"));
        given().header("Authorization", "Bearer not-a-token").when().get("/api/test-auth/plain").then().statusCode(401)
                .body("code", is("UNAUTHORIZED"));
    }

    @Test
    void unannotatedApiRouteStillNeedsAToken() {
        given().header("Authorization", "Bearer " + TestTokens.admin()).when().get("/api/test-auth/plain")
                .then().statusCode(200);
    }

    @Test
    void expiredTokenIs401() {
        expect401(signed(TestTokens.claims("u", "default", "default", List.of("admin"), "fdl-runtime", in(-120))));
    }

    @Test
    void tokenWithinClockSkewIsStillAccepted() {
        String t = signed(TestTokens.claims("u", "default", "default", List.of("admin"), "fdl-runtime", in(-5)));
        given().header("Authorization", "Bearer " + t).when().get(WHOAMI).then().statusCode(200);
    }

    @Test
    void wrongSecretIs401() {
        expect401(TestTokens.sign(TestTokens.claims("u", "default", "default", List.of("admin"), "fdl-runtime", in(600)),
                "another-secret-that-is-long-enough-0123456789", "HS256"));
    }

    @Test
    void algNoneIs401() {
        expect401(TestTokens.sign(TestTokens.claims("u", "default", "default", List.of("admin"), "fdl-runtime", in(600)),
                null, "none"));
    }

    @Test
    void otherAlgorithmsAre401() {
        // Header claims HS512 / RS256 while the body is HMAC-SHA256-signed with the right secret:
        // only the pinned HS256 may pass (no algorithm confusion).
        String claims = TestTokens.claims("u", "default", "default", List.of("admin"), "fdl-runtime", in(600));
        expect401(resignWithHeader(claims, "{\"alg\":\"HS512\",\"typ\":\"JWT\"}"));
        expect401(resignWithHeader(claims, "{\"alg\":\"RS256\",\"typ\":\"JWT\"}"));
    }

    @Test
    void wrongIssuerIs401() {
        expect401(signed(TestTokens.claims("u", "default", "default", List.of("admin"), "someone-else", in(600))));
    }

    @Test
    void tamperedPayloadIs401() {
        String good = TestTokens.token("default", "viewer");
        String[] parts = good.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                TestTokens.claims("u", "default", "default", List.of("superadmin"), "fdl-runtime", in(600))
                        .getBytes(StandardCharsets.UTF_8));
        expect401(parts[0] + "." + forged + "." + parts[2]);
    }

    @Test
    void garbageIs401() {
        expect401("not-a-jwt");
        expect401("a.b.c");
    }

    @Test
    void refreshTokenIsNotAnAccessToken() {
        expect401(signed(TestTokens.claims("u", "default", "default", List.of("refresh"), "fdl-runtime", in(600))));
        expect401(signed(TestTokens.claims("u", "default", "default", List.of("admin", "refresh"), "fdl-runtime", in(600))));
    }

    @Test
    void tokenIssuedInTheFutureIs401BeyondSixtySeconds() {
        String tomorrow = "{\"sub\":\"u\",\"tenant_id\":\"default\",\"roles\":[\"admin\"],\"iat\":" + in(86_400)
                + ",\"exp\":" + in(90_000) + ",\"iss\":\"fdl-runtime\"}";
        expect401(signed(tomorrow));
        String drift = "{\"sub\":\"u\",\"tenant_id\":\"default\",\"roles\":[\"admin\"],\"iat\":" + in(20)
                + ",\"exp\":" + in(600) + ",\"iss\":\"fdl-runtime\"}";
        given().header("Authorization", "Bearer " + signed(drift)).when().get(WHOAMI).then().statusCode(200);
    }

    @Test
    void tokenWithoutTenantIs401() {
        String claims = "{\"sub\":\"u\",\"bu_code\":\"x\",\"roles\":[\"admin\"],\"iat\":" + in(-10)
                + ",\"exp\":" + in(600) + ",\"iss\":\"fdl-runtime\"}";
        expect401(signed(claims));
    }

    @Test
    void tenantNamesMapToUuids() {
        String t = signed(TestTokens.claims("u", "acme", "sales", List.of("viewer"), "fdl-runtime", in(600)));
        given().header("Authorization", "Bearer " + t).when().get(WHOAMI).then().statusCode(200)
                .body("tenant_id", is(TenantIds.toUuid("acme")))
                .body("tenant_claim", is("acme"))
                .body("bu_code", is("sales"));
        String upper = signed(TestTokens.claims("u", "3F2504E0-4F89-11D3-9A0C-0305E82C3301", "b",
                List.of("viewer"), "fdl-runtime", in(600)));
        given().header("Authorization", "Bearer " + upper).when().get(WHOAMI).then().statusCode(200)
                .body("tenant_id", is("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    }

    @Test
    void requestedTenantIsHonouredForSuperadminOnly() {
        given().header("Authorization", "Bearer " + TestTokens.token("default", "admin"))
                .queryParam("tenant_id", "acme").when().get(WHOAMI).then().statusCode(200)
                .body("acting_tenant", is(TestTokens.DEFAULT_TENANT));
        given().header("Authorization", "Bearer " + TestTokens.token("default", "superadmin"))
                .queryParam("tenant_id", "acme").when().get(WHOAMI).then().statusCode(200)
                .body("acting_tenant", is(TenantIds.toUuid("acme")));
    }

    @Test
    void roleHierarchyMatrix() {
        List<String> roles = Roles.HIERARCHY;
        List<String> routes = List.of("/api/test-auth/role/x", "/api/test-auth/executor", "/api/test-auth/editor",
                "/api/test-auth/admin", "/api/test-auth/superadmin");
        for (int r = 0; r < roles.size(); r++) {
            String token = TestTokens.token("default", roles.get(r));
            for (int route = 0; route < routes.size(); route++) {
                int expected = r >= route ? 200 : 403;
                var resp = given().header("Authorization", "Bearer " + token).when().get(routes.get(route)).then()
                        .statusCode(expected);
                if (expected == 403) resp.body("code", is("FORBIDDEN")).contentType("application/json");
            }
        }
        // A valid token granting no known role authenticates but may do nothing.
        String none = signed(TestTokens.claims("u", "default", "default", List.of("auditor"), "fdl-runtime", in(600)));
        given().header("Authorization", "Bearer " + none).when().get("/api/test-auth/role/x").then().statusCode(403);
    }

    @Test
    void tokenFromAnotherServiceWithSameSecretIsAccepted() {
        // Different claim order, extra claims and a jti: only the contract claims matter.
        String claims = "{\"iss\":\"fdl-runtime\",\"jti\":\"abc\",\"roles\":[\"viewer\"],\"sub\":\"svc\",\"tenant_id\":\"default\","
                + "\"bu_code\":\"ops\",\"iat\":" + in(-1) + ",\"exp\":" + in(300) + ",\"extra\":{\"a\":1}}";
        given().header("Authorization", "Bearer " + signed(claims)).when().get(WHOAMI).then().statusCode(200)
                .body("username", is("svc")).body("bu_code", is("ops"));
    }

    @Test
    void publicRoutesIgnoreBadTokens() {
        // /api/auth/* and /api/v1/** are not JWT routes: a junk bearer must not make them 401 by itself.
        given().header("Authorization", "Bearer junk").when().get("/api/auth/does-not-exist").then()
                .statusCode(not(401));
    }

    static String resignWithHeader(String claims, String headerJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(TestTokens.DEV_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
