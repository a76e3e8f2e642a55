package io.fdl.runtime.health;

import io.fdl.runtime.config.FdlConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Duration;

/**
 * A real {@code SELECT 1} through the reactive pool, non-blocking. Never touches the pool when
 * {@code FDL_USE_DATABASE} is off (the datasource bean is inactive then and must not be resolved).
 */
@ApplicationScoped
public class DatabaseProbe {
    /** Upper bound of one probe: a readiness check must answer well inside the probe timeout. */
    static final Duration MAX_PROBE = Duration.ofSeconds(3);

    public enum Status { UP, DOWN, DISABLED }

    public record Result(Status status, Long latencyMs, String error) {}

    private final FdlConfig config;
    private final Instance<Pool> pool;

    public DatabaseProbe(FdlConfig config, Instance<Pool> pool) {
        this.config = config;
        this.pool = pool;
    }

    public boolean enabled() {
        return config.useDatabase();
    }

    public int poolSize() {
        return enabled() ? config.dbPoolSize() : 0;
    }

    public Uni<Result> check() {
        if (!enabled()) return Uni.createFrom().item(new Result(Status.DISABLED, null, null));
        Duration timeout = Duration.ofSeconds(Math.min(config.dbTimeout(), MAX_PROBE.toSeconds()));
        return Uni.createFrom().deferred(() -> {
                    long start = System.nanoTime();
                    return pool.get().query("SELECT 1").execute()
                            .map(rows -> new Result(Status.UP, (System.nanoTime() - start) / 1_000_000, null));
                })
                .ifNoItem().after(timeout).fail()
                // the cause goes to the caller's log only; clients get a generic "down"
                .onFailure().recoverWithItem(e -> new Result(Status.DOWN, null, e.getClass().getSimpleName()));
    }
}
