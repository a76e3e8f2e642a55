package io.fdl.runtime.service.engine;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Executor;

/**
 * Where a run's engine tasks execute: ONE Vert.x context per run, a fresh duplicated context on an
 * event loop. A run's tasks are short and never block (the engine confines them to a serial queue),
 * so they need no thread pool: a sync run stays on the event loop of the request that waits for it
 * (no thread hand-off between the request, the run and the answer), an async run or one started
 * off any loop goes to the next event loop, round-robin, to spread load.
 *
 * <p>The context is fresh (its own local data), so a run never inherits a request's locals or a
 * PostgreSQL store transaction's marker (the store runs each operation on a fresh context of its own
 * and only runs "in place" on a context marked by an open transaction). Tool calls, timers and store
 * callbacks made from the run's tasks come back on this context too.
 */
@ApplicationScoped
public class RunContexts {
    private final Vertx vertx;

    @Inject
    public RunContexts(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A context for a new run: on the caller's event loop if asked and possible, else the next loop. */
    public Context forRun(boolean onCallerLoop) {
        Context current = Vertx.currentContext();
        Context loop = onCallerLoop && current != null && current.isEventLoopContext()
                ? current
                : ((VertxInternal) vertx).createEventLoopContext(); // the event-loop group hands loops out round-robin
        return VertxContext.createNewDuplicatedContext(loop);
    }

    /** Runs tasks on {@code context}, always as a new event-loop task (never on the submitter's stack). */
    public static Executor executor(Context context) {
        return task -> context.runOnContext(ignored -> task.run());
    }
}
