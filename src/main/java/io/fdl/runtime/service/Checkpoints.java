package io.fdl.runtime.service;

import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.ExecutionRepository;
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

import java.util.Optional;

/**
 * Saves the state of the runs executing on this replica: status, progress, running nodes and the
 * engine's run snapshot (plain JSON), every {@code fdl.checkpoint-interval-ms}. The write is a
 * compare-and-set on "still active": when it finds the record already finished, the execution was
 * cancelled from another replica, and the local run is stopped.
 */
@ApplicationScoped
public class Checkpoints {
    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    private final ExecutionService service;
    private final ExecutionRepository executions;
    private final Vertx vertx;
    private final long intervalMs;
    private long timerId = -1;

    @Inject
    public Checkpoints(ExecutionService service, ExecutionRepository executions, Vertx vertx,
                       @ConfigProperty(name = "fdl.checkpoint-interval-ms", defaultValue = "2000") long intervalMs) {
        this.service = service;
        this.executions = executions;
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
            return executions.update(progress, ExecutionStatus.ACTIVE);
        }).invoke((Optional<Execution> updated) -> {
            if (updated.isEmpty() && !run.handle().status().finished()) {
                LOG.infof("execution %s was finished elsewhere; cancelling the local run", run.record().id());
                run.handle().cancel();
            }
        }).replaceWithVoid();
    }
}
