package io.fdl.runtime.auth;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key request budget of the published-flow API (api.md §7: {@code rate_limit} requests per
 * key per minute). Fixed one-minute windows aligned on the clock minute: simple, O(1), lock-free
 * per key ({@code ConcurrentHashMap.compute}). Counted per replica: behind N replicas a key may
 * reach N × its limit; the spec's guarantee is an upper bound per service instance.
 */
@ApplicationScoped
public class ApiKeyRateLimiter {
    private static final int PRUNE_THRESHOLD = 50_000;

    private record Window(long minute, int count) {}

    private final ConcurrentHashMap<UUID, Window> windows = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();

    /**
     * Counts one request; returns 0 when it is within {@code limit}, else the seconds until the
     * next window (the {@code Retry-After}).
     */
    public long tryAcquire(UUID keyId, int limit) {
        long nowMs = clock.millis();
        long minute = nowMs / 60_000;
        if (windows.size() > PRUNE_THRESHOLD) windows.values().removeIf(w -> w.minute() < minute);
        Window w = windows.compute(keyId, (k, old) -> old == null || old.minute() != minute
                ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        if (w.count() <= limit) return 0;
        long untilNext = (minute + 1) * 60_000 - nowMs;
        return Math.max(1, (untilNext + 999) / 1000);
    }

    /** Forgets a deleted key's window. */
    public void forget(UUID keyId) {
        windows.remove(keyId);
    }
}
