package io.fdl.runtime.engine;

/**
 * Runtime limits of fdl.md §13 plus the run budget (all configurable; {@link #DEFAULT} holds the defaults).
 *
 * @param maxRunningNodes     nodes running at once in one run; further ready nodes wait in readiness order
 * @param maxIterations       items per each / iterations per loop, per node execution (ITERATION_LIMIT)
 * @param defaultRunTimeoutMs run duration when the request gives none (EXECUTION_TIMEOUT)
 * @param maxNodeRecords      execution records kept per run (a 10 000-item each must not grow the outcome without bound)
 * @param eventOutputMaxChars node outputs larger than this (as JSON text) are cut to a preview in events
 * @param maxRunSteps         node executions plus each/loop iterations per run, all levels (RUN_LIMIT_EXCEEDED)
 * @param maxRunBytes         estimated bytes a run retains: inputs, variables, published node values,
 *                            each items, mocked call records (RUN_LIMIT_EXCEEDED)
 */
public record EngineLimits(int maxRunningNodes, int maxIterations, long defaultRunTimeoutMs, int maxNodeRecords,
                           int eventOutputMaxChars, long maxRunSteps, long maxRunBytes) {
    public static final long DEFAULT_MAX_RUN_STEPS = 100_000_000L;
    public static final long DEFAULT_MAX_RUN_BYTES = 64L << 20;
    public static final EngineLimits DEFAULT = new EngineLimits(32, 10_000, 3_600_000L, 10_000, 16_384,
            DEFAULT_MAX_RUN_STEPS, DEFAULT_MAX_RUN_BYTES);

    public EngineLimits {
        if (maxRunningNodes < 1) throw new IllegalArgumentException("maxRunningNodes must be >= 1");
        if (maxIterations < 0) throw new IllegalArgumentException("maxIterations must be >= 0");
        if (defaultRunTimeoutMs < 1) throw new IllegalArgumentException("defaultRunTimeoutMs must be >= 1");
        if (maxRunSteps < 1) throw new IllegalArgumentException("maxRunSteps must be >= 1");
        if (maxRunBytes < 1) throw new IllegalArgumentException("maxRunBytes must be >= 1");
    }

    /** The fdl.md §13 limits with the default run budget. */
    public EngineLimits(int maxRunningNodes, int maxIterations, long defaultRunTimeoutMs, int maxNodeRecords,
                        int eventOutputMaxChars) {
        this(maxRunningNodes, maxIterations, defaultRunTimeoutMs, maxNodeRecords, eventOutputMaxChars,
                DEFAULT_MAX_RUN_STEPS, DEFAULT_MAX_RUN_BYTES);
    }

    public EngineLimits withMaxRunningNodes(int n) { return new EngineLimits(n, maxIterations, defaultRunTimeoutMs, maxNodeRecords, eventOutputMaxChars, maxRunSteps, maxRunBytes); }
    public EngineLimits withMaxIterations(int n) { return new EngineLimits(maxRunningNodes, n, defaultRunTimeoutMs, maxNodeRecords, eventOutputMaxChars, maxRunSteps, maxRunBytes); }
    public EngineLimits withDefaultRunTimeoutMs(long ms) { return new EngineLimits(maxRunningNodes, maxIterations, ms, maxNodeRecords, eventOutputMaxChars, maxRunSteps, maxRunBytes); }
    public EngineLimits withRunBudget(long steps, long bytes) { return new EngineLimits(maxRunningNodes, maxIterations, defaultRunTimeoutMs, maxNodeRecords, eventOutputMaxChars, steps, bytes); }
}
