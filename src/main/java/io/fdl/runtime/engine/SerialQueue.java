package io.fdl.runtime.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Confines one run: tasks submitted from any thread run one at a time, in submission order, on a
 * shared executor. Every mutation of a run's state happens inside such a task, so the run needs no
 * locks and thousands of runs share a few threads. A drain is bounded to keep executors fair.
 */
final class SerialQueue implements Executor {
    private static final int BATCH = 256;
    private static final System.Logger LOG = System.getLogger(SerialQueue.class.getName());

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Executor executor;
    private final Runnable drain = this::drain;

    SerialQueue(Executor executor) { this.executor = executor; }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() == 0) executor.execute(drain);
    }

    private void drain() {
        int n = 0;
        while (true) {
            Runnable t = tasks.poll();
            try {
                t.run();
            } catch (Throwable e) {
                LOG.log(System.Logger.Level.ERROR, "engine task failed", e);
            }
            if (pending.decrementAndGet() == 0) return;
            if (++n >= BATCH) { // yield the thread to other runs, keep ownership of the drain
                executor.execute(drain);
                return;
            }
        }
    }
}
