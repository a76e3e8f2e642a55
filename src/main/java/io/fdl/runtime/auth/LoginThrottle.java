package io.fdl.runtime.auth;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lockout bookkeeping for login names that have no stored user. Stored users keep their counter
 * and lock in the users table (so it holds across replicas); unknown names are counted here, per
 * replica, only so that "this account is locked" never reveals which names exist: an attacker
 * sees the same 401s and the same 429 after {@value LoginPolicy#MAX_FAILURES} tries either way.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(int failures, Instant lockedUntil) {}

    private final ConcurrentHashMap<String, Entry> unknown = new ConcurrentHashMap<>();

    /** The instant the name is locked until, or null. */
    public Instant lockedUntil(String tenantId, String username, Instant now) {
        Entry e = unknown.get(key(tenantId, username));
        return e != null && e.lockedUntil() != null && e.lockedUntil().isAfter(now) ? e.lockedUntil() : null;
    }

    /** Counts a failure; returns the lock instant when this failure locked the name, else null. */
    public Instant recordFailure(String tenantId, String username, Instant now) {
        if (unknown.size() > MAX_ENTRIES) prune(now);
        Entry e = unknown.compute(key(tenantId, username), (k, old) -> {
            int failures = (old == null || (old.lockedUntil() != null && !old.lockedUntil().isAfter(now)))
                    ? 1 : old.failures() + 1;
            return failures >= LoginPolicy.MAX_FAILURES
                    ? new Entry(0, now.plus(LoginPolicy.LOCK_DURATION))
                    : new Entry(failures, null);
        });
        return e.lockedUntil();
    }

    private void prune(Instant now) {
        unknown.entrySet().removeIf(en -> en.getValue().lockedUntil() == null
                || !en.getValue().lockedUntil().isAfter(now));
        if (unknown.size() > MAX_ENTRIES) unknown.clear(); // under a spray of random names: forget rather than grow
    }

    private static String key(String tenantId, String username) {
        return tenantId + '\u0000' + username;
    }

    /** The lockout rule shared by stored and unknown users. */
    public static final class LoginPolicy {
        public static final int MAX_FAILURES = 5;
        public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

        private LoginPolicy() {}
    }
}
