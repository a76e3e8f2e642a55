package io.fdl.runtime.service.engine;

import io.fdl.runtime.engine.Scheduler;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The engine's timer port on Vert.x timers: waits, retry back-off and timeouts cost a heap entry in
 * the event loop's timer wheel, never a thread. A timer set from a run's task fires on the run's own
 * context ({@link RunContexts}); the engine's timer tasks only enqueue work on the run's serial queue.
 */
@ApplicationScoped
public class VertxScheduler implements Scheduler {

    private final Vertx vertx;

    @Inject
    public VertxScheduler(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        // Vert.x timers need at least 1 ms; 0 still means "soon, and not on the caller's stack"
        long id = vertx.setTimer(Math.max(1L, delayMs), t -> task.run());
        return () -> vertx.cancelTimer(id);
    }

    @Override
    public long nowMillis() {
        return System.currentTimeMillis();
    }
}
