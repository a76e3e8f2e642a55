package io.fdl.runtime.testsupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Mints HS256 tokens exactly as api.md §3.1 describes them (claims sub, tenant_id, bu_code, roles,
 * iat, exp, iss = "fdl-runtime"), with plain JDK HMAC so tests can also forge bad ones
 * (wrong secret, alg none, expired, wrong issuer) independently of the server's own signer.
 */
public final class TestTokens {
    /**
     * The FDL_JWT_SECRET of the test profile ({@code %test.fdl.jwt-secret} in application.properties).
     * Dev mode itself has no constant secret (it signs with a random per-process one when unset).
     */
    public static final String DEV_SECRET = "fdl-test-profile-secret-0123456789-abcdef";
    public static final String ISSUER = "fdl-runtime";
    public static final String DEFAULT_TENANT = "00000000-0000-0000-0000-000000000001";

    private TestTokens() {}

    public static String token(String tenantId, String... roles) {
        return sign(claims("user-" + String.join("-", roles), tenantId, "default", List.of(roles), ISSUER,
                Instant.now().getEpochSecond() + 3600), DEV_SECRET, "HS256");
    }

    public static String admin() { return token(DEFAULT_TENANT, "admin"); }

    public static String claims(String sub, String tenantId, String buCode, List<String> roles, String iss, long exp) {
        String rolesJson = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",", "[", "]"));
        long iat = Math.min(exp, Instant.now().getEpochSecond()) - 10;
        return "{\"sub\":\"" + sub + "\",\"tenant_id\":\"" + tenantId + "\",\"bu_code\":\"" + buCode + "\",\"roles\":"
                + rolesJson + ",\"iat\":" + iat + ",\"exp\":" + exp + ",\"iss\":\"" + iss + "\"}";
    }

    /** Signs a claims JSON with HS256 (alg "HS256") or returns an unsigned token (alg "none"). */
    public static String sign(String claimsJson, String secret, String alg) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + body;
        if ("none".equals(alg)) return signingInput + ".";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
