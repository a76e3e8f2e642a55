package io.fdl.runtime.service;

import io.fdl.runtime.config.FdlConfig;
import io.fdl.runtime.health.FdlMetrics;
import io.fdl.runtime.store.RunLedger;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The replica's side of durable runs in PostgreSQL mode (issue 12): it renews this replica's lease
 * (one statement per interval for all its runs; the same statement reports runs cancelled
 * elsewhere, which stop here), claims runs nobody holds while it has free slots — queued ones,
 * parked ones whose wake-up came, those of a replica that stopped renewing — and on SIGTERM drains:
 * readiness goes DOWN, running runs get {@code FDL_SHUTDOWN_GRACE_SECONDS} to finish, then the rest
 * are checkpointed and their leases released so another replica resumes them at once.
 *
 * <p>Memory mode: nothing to do (one process owns everything; a restart loses running work).
 */
@ApplicationScoped
public class Leases {
    private static final Logger LOG = Logger.getLogger(Leases.class);
    /** claims per round at most, whatever the free capacity (a takeover of thousands goes in rounds) */
    private static final int MAX_CLAIM = 50;

    private final ExecutionService executions;
    private final EventPipeline pipeline;
    private final RunLedger ledger;
    private final Replica replica;
    private final FdlConfig.Durability config;
    private final Vertx vertx;
    private final FdlMetrics metrics;
    private final AtomicBoolean heartbeatInFlight = new AtomicBoolean();
    private final AtomicBoolean claimInFlight = new AtomicBoolean();
    private volatile boolean draining;
    private volatile long lastRenewal;
    private volatile long queued;
    private volatile long sigtermAt;
    private long heartbeatTimer = -1;
    private long claimTimer = -1;

    @Inject
    public Leases(ExecutionService executions, EventPipeline pipeline, RunLedger ledger, Replica replica,
                  FdlConfig config, Vertx vertx, FdlMetrics metrics) {
        this.executions = executions;
        this.pipeline = pipeline;
        this.ledger = ledger;
        this.replica = replica;
        this.config = config.durability();
        this.vertx = vertx;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent ev) {
        if (!ledger.shared()) return;
        metrics.queueDepth(() -> queued);
        // SIGTERM: readiness DOWN at once, before Quarkus begins its own shutdown steps
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sigtermAt = System.currentTimeMillis();
            draining = true;
        }, "fdl-drain"));
        LOG.infof("replica %s: lease %d s, renewed every %d ms", replica.id(), config.leaseSeconds(), config.heartbeatMs());
        // what an earlier process with this replica id held is free again: it holds nothing yet
        ledger.release(replica.id(), null).subscribe().with(x -> renewAndClaim(), err -> {
            LOG.warnf("releasing the runs of an earlier %s failed (%s); they are claimed once its lease expires",
                    replica.id(), err.toString());
            renewAndClaim();
        });
    }

    private void renewAndClaim() {
        heartbeat();
        heartbeatTimer = vertx.setPeriodic(config.heartbeatMs(), t -> heartbeat());
        claimTimer = vertx.setPeriodic(config.claimIntervalMs(), t -> claim());
    }

    private void heartbeat() {
        if (!heartbeatInFlight.compareAndSet(false, true)) return;
        ledger.heartbeat(replica.id()).subscribe().with(gone -> {
            heartbeatInFlight.set(false);
            lastRenewal = System.currentTimeMillis();
            if (!gone.isEmpty()) executions.finishedElsewhere(gone);
        }, err -> {
            heartbeatInFlight.set(false);
            LOG.debugf("lease renewal failed: %s", err.toString());
        });
    }

    private void claim() {
        if (draining || !renewedRecently()) return; // without a fresh lease of our own, claiming would be unsafe
        int free = Math.min(MAX_CLAIM, executions.freeSlots());
        if (free == 0 || !claimInFlight.compareAndSet(false, true)) return;
        long t0 = System.nanoTime();
        ledger.claim(replica.id(), Duration.ofSeconds(config.leaseSeconds()), free).subscribe().with(claimed -> {
            metrics.claimed(Duration.ofNanos(System.nanoTime() - t0));
            claimed.forEach(c -> executions.resume(c).subscribe().with(x -> { },
                    e -> LOG.warnf("execution %s could not be resumed: %s", c.record().id(), e.toString())));
            ledger.queued().subscribe().with(n -> { queued = n; claimInFlight.set(false); },
                    e -> claimInFlight.set(false));
        }, err -> {
            claimInFlight.set(false);
            LOG.debugf("claiming runs failed: %s", err.toString());
        });
    }

    private boolean renewedRecently() {
        return System.currentTimeMillis() - lastRenewal < config.leaseSeconds() * 1000L / 2;
    }

    /**
     * Graceful shutdown, before the pipeline's own flush: stop claiming, let running runs finish within
     * the grace period (counted from SIGTERM), then checkpoint the rest and release their leases. Runs on
     * the main thread, so waiting is allowed here.
     */
    void drain(@Observes @Priority(1) ShutdownEvent ev) {
        draining = true;
        if (!ledger.shared()) return;
        if (claimTimer >= 0) vertx.cancelTimer(claimTimer);
        long start = sigtermAt > 0 ? sigtermAt : System.currentTimeMillis();
        long deadline = start + config.shutdownGraceSeconds() * 1000L;
        while (executions.runningCount() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        pipeline.flushAll(Duration.ofSeconds(5));
        List<UUID> left = executions.detachAll();
        if (!left.isEmpty()) {
            try {
                ledger.release(replica.id(), left).await().atMost(Duration.ofSeconds(5));
                LOG.infof("released %d runs for the other replicas", left.size());
            } catch (RuntimeException e) {
                LOG.warnf("releasing %d runs failed (%s); they are claimed when the lease expires", left.size(), e.toString());
            }
        }
        if (heartbeatTimer >= 0) vertx.cancelTimer(heartbeatTimer);
    }

    /** Readiness: DOWN from SIGTERM on. */
    public boolean draining() {
        return draining;
    }

    /** For /api/health/detailed. */
    public record Status(String replicaId, int ownedRuns, long queuedRuns, Long leaseLagMs, boolean draining) {}

    public Status status() {
        long lag = lastRenewal == 0 ? -1 : System.currentTimeMillis() - lastRenewal;
        return new Status(replica.id(), executions.runningCount(), queued, ledger.shared() ? lag : null, draining);
    }
}
