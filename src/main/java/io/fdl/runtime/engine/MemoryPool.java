package io.fdl.runtime.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes all runs of one engine may retain together, so that many runs each inside their own
 * {@code maxRunBytes} cannot exhaust the heap between them. Runs reserve in grains of
 * {@link #GRAIN} (one atomic operation per MiB, not per value) and give everything back when they end.
 */
public final class MemoryPool {
    static final long GRAIN = 1L << 20;

    private final long capacity;
    private final AtomicLong reserved = new AtomicLong();

    public MemoryPool(long capacity) {
        if (capacity < GRAIN) throw new IllegalArgumentException("capacity must be at least 1 MiB");
        this.capacity = capacity;
    }

    /** Half of the JVM's maximum heap: the rest is left to requests, events, storage and GML temporaries. */
    public static MemoryPool halfOfHeap() {
        return new MemoryPool(Math.max(GRAIN, Runtime.getRuntime().maxMemory() / 2));
    }

    public long capacity() { return capacity; }

    public long reserved() { return reserved.get(); }

    boolean tryReserve(long bytes) {
        while (true) {
            long cur = reserved.get();
            if (cur + bytes > capacity) return false;
            if (reserved.compareAndSet(cur, cur + bytes)) return true;
        }
    }

    void release(long bytes) { reserved.addAndGet(-bytes); }
}
