package io.fdl.runtime.engine;

/**
 * Thrown inside a run's task when its step or memory budget is spent. It unwinds whatever the
 * engine was doing back to {@link Run#onQueue}, which ends the run with RUN_LIMIT_EXCEEDED:
 * nothing else catches it (node failures are {@link NodeFailure}), so no {@code fail} edge or
 * retry can keep an over-budget run alive.
 */
final class RunLimitExceeded extends RuntimeException {
    /** The limit's configuration name: {@code run_max_steps} or {@code run_max_bytes}. */
    final String limit;

    RunLimitExceeded(String limit, String message) {
        super(message, null, false, false);
        this.limit = limit;
    }
}
