package io.fdl.runtime.engine;

/**
 * A tenant's lower run budget ({@link RunRequest#quota()}): each non-null value replaces the
 * engine's limit when it is smaller; a quota never raises a limit.
 *
 * @param maxSteps node executions plus iterations per run, or null
 * @param maxBytes estimated retained bytes per run, or null
 */
public record RunQuota(Long maxSteps, Long maxBytes) {
    public static final RunQuota NONE = new RunQuota(null, null);

    long steps(long engineLimit) { return maxSteps == null || maxSteps < 1 ? engineLimit : Math.min(engineLimit, maxSteps); }

    long bytes(long engineLimit) { return maxBytes == null || maxBytes < 1 ? engineLimit : Math.min(engineLimit, maxBytes); }
}
