package io.fdl.runtime.service;

import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.RunLedger;
import io.fdl.runtime.store.ExecutionStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;


/**
 * Saves the progress of the runs executing on this replica for readers: status, progress, running
 * nodes and the engine's run snapshot (plain JSON, for inspection), every
 * {@code fdl.checkpoint-interval-ms}. What a resumed run needs — its completed steps — is
 * checkpointed by the event pipeline at step boundaries, not here. The write is fenced by the
 * run's lease epoch: when it finds the run finished or taken over elsewhere, the local run stops.
 */
@ApplicationScoped
public class Checkpoints {
    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    private final ExecutionService service;
    private final RunLedger ledger;
    private final Vertx vertx;
    private final long intervalMs;
    private long timerId = -1;

    @Inject
    public Checkpoints(ExecutionService service, RunLedger ledger, Vertx vertx,
                       @ConfigProperty(name = "fdl.checkpoint-interval-ms", defaultValue = "2000") long intervalMs) {
        this.service = service;
        this.ledger = ledger;
        this.vertx = vertx;
        this.intervalMs = intervalMs;
    }

    void start(@Observes StartupEvent ev) {
        timerId = vertx.setPeriodic(intervalMs, t -> checkpointAll());
    }

    void stop(@Observes ShutdownEvent ev) {
        if (timerId >= 0) vertx.cancelTimer(timerId);
    }

    void checkpointAll() {
        service.liveRuns().values().forEach(run -> checkpoint(run).subscribe().with(x -> { },
                err -> LOG.warnf("checkpoint of execution %s failed: %s", run.record().id(), err.toString())));
    }

    Uni<Void> checkpoint(ExecutionService.LiveRun run) {
        ExecutionStatus status = ExecutionResults.status(run.handle().status());
        if (status.terminal()) return Uni.createFrom().voidItem();
        return run.handle().snapshot().chain(snapshot -> {
            Execution progress = run.record().withProgress(status, run.handle().progress(),
                    run.handle().currentNodes(), snapshot);
            return ledger.progress(progress, run.epoch());
        }).chain(ours -> {
            if (!ours && !run.handle().status().finished()) {
                service.finishedElsewhere(java.util.List.of(run.record().id()));
                return Uni.createFrom().voidItem();
            }
            return service.parkIfIdle(run);
        });
    }
}
