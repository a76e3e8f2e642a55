package io.fdl.runtime.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Verification rules for every bearer token (api.md §3.1), replacing SmallRye JWT's
 * property-driven defaults with one explicit policy:
 * <ul>
 *   <li>signature HS256 only, keyed with the UTF-8 bytes of {@link SigningSecret} ({@code FDL_JWT_SECRET}); jose4j's
 *       algorithm constraint rejects {@code alg: none}, every RS/ES/PS algorithm (so a public key
 *       can never be abused as an HMAC secret) and HS384/HS512;</li>
 *   <li>{@code iss} must be {@value #ISSUER}; {@code exp} is required and enforced;</li>
 *   <li>{@value #CLOCK_SKEW_SECONDS} s of clock skew is tolerated on {@code exp}/{@code iat}/{@code nbf}:
 *       enough for replicas whose clocks drift slightly, short enough not to extend a token's life
 *       noticeably;</li>
 *   <li>roles come from the {@code roles} array claim.</li>
 * </ul>
 * Any service holding the same secret can mint accepted tokens (that is how the service scales out).
 */
@ApplicationScoped
public class JwtVerification {
    private static final Logger LOG = Logger.getLogger(JwtVerification.class);

    public static final String ISSUER = "fdl-runtime";
    public static final int CLOCK_SKEW_SECONDS = 30;
    /** HS256 needs a key of at least 256 bits (RFC 7518 §3.2); jose4j enforces it. */
    public static final int MIN_SECRET_BYTES = 32;

    @Inject
    SigningSecret secret;

    /** The HMAC key for both verifying and signing. */
    public SecretKey key() {
        byte[] bytes = secret.value().getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            // Production refuses to start with such a secret (config checks); in dev mode it is a
            // misconfiguration every token would fail on, so say so once, clearly, without the value.
            LOG.warnf("FDL_JWT_SECRET is %d bytes; HS256 needs at least %d: tokens cannot be verified",
                    bytes.length, MIN_SECRET_BYTES);
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo() {
        return contextInfo(key());
    }

    /** The verification policy for tokens signed with {@code key}. */
    static JWTAuthContextInfo contextInfo(SecretKey key) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setSecretVerificationKey(key);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        info.setIssuedBy(ISSUER);
        info.setExpGracePeriodSecs(CLOCK_SKEW_SECONDS);
        info.setClockSkew(CLOCK_SKEW_SECONDS);
        info.setGroupsPath(AuthPrincipal.CLAIM_ROLES);
        info.setRequiredClaims(Set.of("sub", AuthPrincipal.CLAIM_TENANT, "exp"));
        info.setTokenSchemes(List.of("Bearer"));
        info.setRelaxVerificationKeyValidation(false);
        return info;
    }
}
