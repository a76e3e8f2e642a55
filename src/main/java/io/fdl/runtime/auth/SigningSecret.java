package io.fdl.runtime.auth;

import io.fdl.runtime.config.FdlConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The effective HS256 secret: {@code FDL_JWT_SECRET} when set; in dev mode without it, 32 random
 * bytes drawn once per process, at run time on first use (never in a static initialiser, so a
 * native image does not bake one in). There is no constant development secret: a token signed
 * by one process stops working when it restarts, and nobody can forge one from public knowledge.
 * With dev mode off the start-up checks refuse a missing secret, so {@link #value()} never invents one there.
 */
@ApplicationScoped
public class SigningSecret {
    private static final Logger LOG = Logger.getLogger(SigningSecret.class);

    @Inject
    FdlConfig config;

    private volatile String value;

    /** Resolved at start-up (run time), so the dev-mode WARN about a random secret is part of the start-up log. */
    void onStart(@Observes StartupEvent ev) {
        value();
    }

    /** The secret text (HMAC key bytes are its UTF-8 encoding). Never log it. */
    public String value() {
        String v = value;
        if (v != null) return v;
        synchronized (this) {
            if (value == null) value = resolve();
            return value;
        }
    }

    private String resolve() {
        String configured = config.jwtSecret().filter(s -> !s.isBlank()).orElse(null);
        if (configured != null) return configured;
        if (!config.devMode()) throw new IllegalStateException("FDL_JWT_SECRET is required when FDL_DEV_MODE=false");
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        LOG.warn("FDL_JWT_SECRET is not set: dev mode signs tokens with a random per-process secret; "
                + "tokens stop working when the process restarts (set FDL_JWT_SECRET to keep them, and to share them between replicas)");
        return HexFormat.of().formatHex(bytes);
    }
}
