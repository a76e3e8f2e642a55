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
    private final MemoryPool pool;
    private long steps;
    private long bytes;
    /** Bytes held in the engine's pool for this run: bytes rounded up to grains, with one grain of slack. */
    private long reserved;
    /** The run ended: its scopes are being dropped and nothing is held any more. */
    private boolean closed;
    private int untilCheck = CHECK_EVERY;
    private long sliceStart;

    RunBudget(long maxSteps, long maxBytes, Scheduler clock, MemoryPool pool) {
        this.maxSteps = maxSteps;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.pool = pool;
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
        if (size <= 0) return;
        if (bytes > maxBytes) throw overBudget();
        if (bytes > reserved) {
            long need = (bytes - reserved + MemoryPool.GRAIN - 1) / MemoryPool.GRAIN * MemoryPool.GRAIN;
            if (!pool.tryReserve(need)) {
                throw new RunLimitExceeded("run_pool_bytes", "runs of this process retain " + pool.reserved()
                        + " bytes together, the limit is " + pool.capacity() + " (half the heap); this run needed "
                        + bytes + " bytes (run_pool_bytes)");
            }
            reserved += need;
        }
    }

    void release(long size) {
        if (closed) return;
        bytes -= size;
        long excess = (reserved - bytes) / MemoryPool.GRAIN * MemoryPool.GRAIN - MemoryPool.GRAIN;
        if (excess > 0) {
            pool.release(excess);
            reserved -= excess;
        }
    }

    /** The run ended: everything it reserved goes back to the pool. */
    void close() {
        closed = true;
        pool.release(reserved);
        reserved = 0;
        bytes = 0;
    }

    long steps() { return steps; }

    long bytes() { return bytes; }

    private RunLimitExceeded overBudget() {
        return new RunLimitExceeded("run_max_bytes", "run exceeded the limit of " + maxBytes
                + " bytes of retained values (variables, node values, items; run_max_bytes)");
    }
}
