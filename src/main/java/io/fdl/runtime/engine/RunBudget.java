package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.gml.ValueSize;

/**
 * One run's budget: steps (node executions and iterations), estimated retained bytes, and the
 * CPU slice after which the run yields its thread. Retained bytes are tracked incrementally:
 * every value is estimated once when a scope takes it ({@link ValueSize}, cut off at the budget)
 * and given back when the scope is discarded. Confined to the run's serial queue.
 */
final class RunBudget {
    /** Steps between two looks at the clock. */
    private static final int CHECK_EVERY = 64;
    /** Wall-clock milliseconds a run may compute before it lets other work in (event loops stay fair). */
    static final long SLICE_MS = 5;

    final long maxSteps;
    final long maxBytes;
    private final Scheduler clock;
    private long steps;
    private long bytes;
    private int untilCheck = CHECK_EVERY;
    private long sliceStart;

    RunBudget(long maxSteps, long maxBytes, Scheduler clock) {
        this.maxSteps = maxSteps;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.sliceStart = clock.nowMillis();
    }

    void step() {
        if (++steps > maxSteps) {
            throw new RunLimitExceeded("run_max_steps", "run exceeded the limit of " + maxSteps
                    + " steps (node executions and iterations, run_max_steps)");
        }
    }

    /** True (at most every {@link #CHECK_EVERY} steps) when the current slice is used up. */
    boolean sliceUsed() {
        if (--untilCheck > 0) return false;
        untilCheck = CHECK_EVERY;
        return clock.nowMillis() - sliceStart >= SLICE_MS;
    }

    void newSlice() {
        sliceStart = clock.nowMillis();
        untilCheck = CHECK_EVERY;
    }

    /** The estimated size of {@code v}, failing the run when it cannot fit beside what is retained (plus {@code freed}). */
    long sizeOf(JsonNode v, long freed) {
        long room = maxBytes - bytes + freed;
        long size = ValueSize.of(v, room);
        if (size > room) throw overBudget();
        return size;
    }

    void charge(long size) {
        bytes += size;
        if (size > 0 && bytes > maxBytes) throw overBudget();
    }

    void release(long size) { bytes -= size; }

    long steps() { return steps; }

    long bytes() { return bytes; }

    private RunLimitExceeded overBudget() {
        return new RunLimitExceeded("run_max_bytes", "run exceeded the limit of " + maxBytes
                + " bytes of retained values (variables, node values, items; run_max_bytes)");
    }
}
