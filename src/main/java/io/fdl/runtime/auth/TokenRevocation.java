package io.fdl.runtime.auth;

import io.fdl.runtime.store.User;
import io.fdl.runtime.store.UserRepository;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revocation of stored users' tokens: a token stamped with a user id and token version
 * ({@link AuthPrincipal.UserStamp}) is accepted only while that user exists, is not disabled and
 * still has that version. Deleting, disabling or changing the roles or password of a user (which
 * bumps its version in the store) therefore ends its tokens at their next request.
 *
 * <p>The current version is read from the store through a small per-replica cache
 * ({@code fdl.auth.token-version-cache-ms}, 2 s). Changes made through this replica evict the entry
 * ({@link #forget}), so they take effect on the very next request here; other replicas see them
 * within the cache's lifetime. Unstamped tokens (dev tokens, tokens minted by another service with
 * the shared secret) are not subject to it: they carry nothing to compare.
 */
@ApplicationScoped
public class TokenRevocation {
    /** bounded memory: past this many cached users the cache starts over */
    private static final int MAX_ENTRIES = 10_000;
    private static final int GONE = -1;

    private record Entry(int version, long readAtNanos) {}

    @Inject
    UserRepository users;
    @ConfigProperty(name = "fdl.auth.token-version-cache-ms", defaultValue = "2000")
    long ttlMs;

    private final Map<UUID, Entry> cache = new ConcurrentHashMap<>();

    /** Completes when {@code p} may proceed; fails with AuthenticationFailedException (401) when revoked. */
    public Uni<AuthPrincipal> check(AuthPrincipal p) {
        AuthPrincipal.UserStamp stamp = p.stamp();
        if (stamp == null) return Uni.createFrom().item(p);
        long now = System.nanoTime();
        Entry cached = cache.get(stamp.userId());
        if (cached != null && now - cached.readAtNanos() < ttlMs * 1_000_000L) return verdict(p, cached);
        return users.find(UUID.fromString(p.tenantId()), stamp.userId()).map(found -> {
            Entry e = new Entry(found.filter(u -> !u.disabled()).map(User::tokenVersion).orElse(GONE), now);
            if (cache.size() >= MAX_ENTRIES) cache.clear();
            cache.put(stamp.userId(), e);
            return e;
        }).chain(e -> verdict(p, e));
    }

    /** The user changed on this replica: the next request reads the store again. */
    public void forget(UUID userId) {
        cache.remove(userId);
    }

    private static Uni<AuthPrincipal> verdict(AuthPrincipal p, Entry e) {
        if (e.version() == p.stamp().tokenVersion()) return Uni.createFrom().item(p);
        return Uni.createFrom().failure(new AuthenticationFailedException("token revoked"));
    }
}
