package io.fdl.runtime.service.engine;

import io.fdl.runtime.service.Offload;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Executor;

/**
 * Where the engine's run tasks execute: plain daemon threads ({@link Offload#PLAIN}), off the
 * event loops and without context propagation. A run's tasks are short (GML
 * evaluation, bookkeeping) and the engine confines each run to a serial queue on top of this
 * executor; running them off the event loops means a CPU-heavy expression never delays HTTP I/O.
 */
@ApplicationScoped
public class RunExecutor implements Executor {
    @Override
    public void execute(Runnable command) {
        // context-free threads: a run must not inherit the starting request's Vert.x context
        Offload.PLAIN.execute(command);
    }
}
