package io.fdl.runtime.engine;

/**
 * Timer port of the engine: waits, retry back-off, attempt and run timeouts. The engine never
 * sleeps; it asks for a callback. Implementations must run {@code task} quickly (the engine's
 * tasks only enqueue work on the run's serial queue) and never on the caller's stack.
 * The Quarkus side plugs Vert.x timers in here; tests use {@link ManualScheduler}.
 */
public interface Scheduler {

    /** Runs {@code task} once after {@code delayMs} milliseconds (0 = as soon as possible). */
    Cancellable schedule(long delayMs, Runnable task);

    /**
     * Runs {@code task} soon, after work that is already waiting (a CPU-bound run yielding its
     * thread between slices). An implementation with a cheaper "run later on this context" than a
     * zero-delay timer may override it.
     */
    default void defer(Runnable task) { schedule(0, task); }

    /** The clock used for deadlines, durations and event timestamps (epoch milliseconds). */
    long nowMillis();

    /** A scheduled task that can still be called off. Cancelling twice or after it ran is harmless. */
    interface Cancellable {
        void cancel();

        Cancellable NOOP = () -> { };
    }
}
