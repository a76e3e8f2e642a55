package io.fdl.runtime.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt (cost {@value #COST}) password hashing. Hashing and checking take tens of milliseconds
 * of CPU by design, so they run on a worker thread ({@code executeBlocking}) and the result comes
 * back on the caller's Vert.x context: the event loop never computes a hash.
 */
@ApplicationScoped
public class PasswordHasher {
    public static final int COST = 10;
    /** bcrypt ignores bytes past 72; longer passwords are refused rather than silently truncated. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MIN_PASSWORD_LENGTH = 8;

    /** Compared against when the user does not exist, so unknown and known names take equally long. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("fdl-timing-equaliser-not-a-password", COST);

    @Inject
    Vertx vertx;

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password, COST)));
    }

    /** True when {@code password} matches {@code hash}; a null or malformed hash never matches (but costs the same). */
    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            if (hash == null || !hash.startsWith("$2")) {
                BcryptUtil.matches(password, DUMMY_HASH);
                return false;
            }
            try {
                return BcryptUtil.matches(password, hash);
            } catch (RuntimeException e) {
                return false;
            }
        }));
    }

    /** Null when acceptable, else a message for a 400. */
    public static String policyViolation(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return "password must have at least " + MIN_PASSWORD_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return "password must not exceed " + MAX_PASSWORD_BYTES + " bytes";
        }
        return null;
    }
}
