package io.fdl.runtime.engine;

/**
 * Runtime limits of fdl.md §13 (all configurable; {@link #DEFAULT} holds the spec defaults).
 *
 * @param maxRunningNodes     nodes running at once in one run; further ready nodes wait in readiness order
 * @param maxIterations       items per each / iterations per loop, per node execution (ITERATION_LIMIT)
 * @param defaultRunTimeoutMs run duration when the request gives none (EXECUTION_TIMEOUT)
 * @param maxNodeRecords      execution records kept per run (a 10 000-item each must not grow the outcome without bound)
 * @param eventOutputMaxChars node outputs larger than this (as JSON text) are cut to a preview in events
 */
public record EngineLimits(int maxRunningNodes, int maxIterations, long defaultRunTimeoutMs, int maxNodeRecords,
                           int eventOutputMaxChars) {
    public static final EngineLimits DEFAULT = new EngineLimits(32, 10_000, 3_600_000L, 10_000, 16_384);

    public EngineLimits {
        if (maxRunningNodes < 1) throw new IllegalArgumentException("maxRunningNodes must be >= 1");
        if (maxIterations < 0) throw new IllegalArgumentException("maxIterations must be >= 0");
        if (defaultRunTimeoutMs < 1) throw new IllegalArgumentException("defaultRunTimeoutMs must be >= 1");
    }

    public EngineLimits withMaxRunningNodes(int n) { return new EngineLimits(n, maxIterations, defaultRunTimeoutMs, maxNodeRecords, eventOutputMaxChars); }
    public EngineLimits withMaxIterations(int n) { return new EngineLimits(maxRunningNodes, n, defaultRunTimeoutMs, maxNodeRecords, eventOutputMaxChars); }
    public EngineLimits withDefaultRunTimeoutMs(long ms) { return new EngineLimits(maxRunningNodes, maxIterations, ms, maxNodeRecords, eventOutputMaxChars); }
}
