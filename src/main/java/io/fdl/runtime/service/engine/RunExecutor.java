package io.fdl.runtime.service.engine;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Executor;

/**
 * Where the engine's run tasks execute: the Quarkus worker pool. A run's tasks are short (GML
 * evaluation, bookkeeping) and the engine confines each run to a serial queue on top of this
 * executor; running them off the event loops means a CPU-heavy expression never delays HTTP I/O.
 */
@ApplicationScoped
public class RunExecutor implements Executor {
    @Override
    public void execute(Runnable command) {
        Infrastructure.getDefaultWorkerPool().execute(command);
    }
}
