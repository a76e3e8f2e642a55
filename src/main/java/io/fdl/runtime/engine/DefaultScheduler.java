package io.fdl.runtime.engine;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One daemon timer thread for all runs. Engine timer tasks only enqueue work on a run's serial
 * queue, so this thread never executes flow logic and thousands of pending timers cost a heap
 * entry each, not a thread.
 */
public final class DefaultScheduler implements Scheduler, AutoCloseable {
    private final ScheduledExecutorService timer;

    public DefaultScheduler() {
        java.util.concurrent.ScheduledThreadPoolExecutor t = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "fdl-engine-timer");
            th.setDaemon(true);
            return th;
        });
        // cancelled timers (attempt timeouts that did not fire) must not pile up in the queue
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        ScheduledFuture<?> f = timer.schedule(task, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public long nowMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** A shared instance for callers that do not manage their own. */
    public static DefaultScheduler shared() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final DefaultScheduler INSTANCE = new DefaultScheduler();
    }

}
