package io.fdl.runtime.auth;

import io.fdl.runtime.testsupport.TestTokens;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Remembered verifications change no verdict: only valid, unexpired tokens are remembered, by digest. */
class CachingJwtParserTest {
    private final CachingJwtParser parser = new CachingJwtParser(JwtVerification.contextInfo(
            new SecretKeySpec(TestTokens.DEV_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));

    @Test
    void aValidTokenIsVerifiedOnceAndThenRemembered() throws Exception {
        String token = TestTokens.token(TestTokens.DEFAULT_TENANT, "executor");
        JsonWebToken first = parser.parse(token);
        assertSame(first, parser.parse(token));
        assertEquals(1, parser.size());
        assertEquals(TestTokens.DEFAULT_TENANT, first.getClaim(AuthPrincipal.CLAIM_TENANT).toString());
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsStillRefused() throws Exception {
        String token = TestTokens.token(TestTokens.DEFAULT_TENANT, "executor");
        parser.parse(token);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThrows(ParseException.class, () -> parser.parse(tampered));
        String otherSecret = TestTokens.sign(TestTokens.claims("u", TestTokens.DEFAULT_TENANT, "b", List.of("admin"),
                TestTokens.ISSUER, Instant.now().getEpochSecond() + 3600), TestTokens.DEV_SECRET + "x", "HS256");
        assertThrows(ParseException.class, () -> parser.parse(otherSecret));
        assertEquals(1, parser.size(), "refusals are not remembered");
    }

    @Test
    void anExpiredTokenIsRefusedEveryTime() {
        String expired = TestTokens.sign(TestTokens.claims("u", TestTokens.DEFAULT_TENANT, "b", List.of("admin"),
                TestTokens.ISSUER, Instant.now().getEpochSecond() - 3600), TestTokens.DEV_SECRET, "HS256");
        assertThrows(ParseException.class, () -> parser.parse(expired));
        assertThrows(ParseException.class, () -> parser.parse(expired));
        assertEquals(0, parser.size());
    }
}
