package io.fdl.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A fake clock for tests and simulations: time only moves when {@link #advance} is called, and due
 * tasks then run on the caller's thread in deadline order (ties in scheduling order). Thread-safe.
 */
public final class ManualScheduler implements Scheduler {
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long now;
    private long counter;

    public ManualScheduler() { this(1_700_000_000_000L); }

    public ManualScheduler(long startMillis) { this.now = startMillis; }

    @Override
    public synchronized Cancellable schedule(long delayMs, Runnable task) {
        Entry e = new Entry(now + Math.max(0, delayMs), counter++, task);
        queue.add(e);
        return () -> { synchronized (ManualScheduler.this) { queue.remove(e); } };
    }

    @Override
    public synchronized long nowMillis() { return now; }

    /** Moves the clock forward by {@code ms}, running every task that falls due (also ones scheduled meanwhile). */
    public void advance(long ms) {
        long target;
        synchronized (this) { target = now + ms; }
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > target) { now = target; return; }
                queue.poll();
                now = Math.max(now, next.due);
            }
            next.task.run();
        }
    }

    /** Runs tasks that are due now (delay 0) without moving the clock. */
    public void runDue() { advance(0); }

    /** Pending deadlines, soonest first (for assertions). */
    public synchronized List<Long> pendingDeadlines() {
        List<Entry> l = new ArrayList<>(queue);
        l.sort(null);
        return l.stream().map(x -> x.due).toList();
    }

    public synchronized int pendingCount() { return queue.size(); }

    private record Entry(long due, long seq, Runnable task) implements Comparable<Entry> {
        @Override public int compareTo(Entry o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
