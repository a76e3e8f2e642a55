package io.fdl.runtime.auth;

import io.fdl.runtime.store.ApiKey;
import io.fdl.runtime.store.ApiKeyRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code usage_count} and {@code last_used_at} of API keys without a write per request: uses are
 * counted in memory and added to the store in one update per key every
 * {@code fdl.api-keys.usage-flush-ms} (10 s). Lists add this replica's not yet written uses, so
 * they are exact here at once and, across replicas, within one flush interval (well under a minute).
 * A failed write puts its uses back for the next round; uses of the last interval before a crash are lost.
 */
@ApplicationScoped
public class ApiKeyUsage {
    private static final Logger LOG = Logger.getLogger(ApiKeyUsage.class);

    private record Pending(UUID tenantId, long uses, Instant last) {
        Pending plus(Pending o) {
            return new Pending(tenantId, uses + o.uses, o.last.isAfter(last) ? o.last : last);
        }
    }

    @Inject
    ApiKeyRepository keys;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "fdl.api-keys.usage-flush-ms", defaultValue = "10000")
    long flushMs;

    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private long timerId = -1;

    void start(@Observes StartupEvent ev) {
        timerId = vertx.setPeriodic(flushMs, t -> flush());
    }

    void stop(@Observes ShutdownEvent ev) {
        if (timerId >= 0) vertx.cancelTimer(timerId);
        flush(); // best effort: the writes complete while the pool is still open
    }

    /** One accepted request of {@code key} at {@code at}. */
    public void record(ApiKey key, Instant at) {
        pending.merge(key.id(), new Pending(key.tenantId(), 1, at), Pending::plus);
    }

    /** The key as stored plus this replica's uses not written yet. */
    public ApiKey current(ApiKey key) {
        Pending p = pending.get(key.id());
        return p == null ? key : key.withUses(p.uses(), p.last());
    }

    /** The key was deleted: its pending uses have nowhere to go. */
    public void forget(UUID keyId) {
        pending.remove(keyId);
    }

    void flush() {
        for (UUID id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p == null) continue;
            keys.recordUses(p.tenantId(), id, p.uses(), p.last()).subscribe().with(x -> { }, err -> {
                LOG.debugf("usage of API key %s not written yet (%s); retrying at the next flush", id, err.toString());
                pending.merge(id, p, Pending::plus);
            });
        }
    }
}
