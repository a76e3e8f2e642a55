package io.fdl.runtime.ws;

import io.smallrye.mutiny.Uni;

import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Bounded, ordered outbound buffer of one connection. Frames are written one at a time in the order
 * they were queued (events of one execution arrive from several threads in seq order and must leave
 * in that order). A frame counts as pending until the transport has taken it; a client that does
 * not read lets pending bytes grow, and past the budget the connection is cut (the client resumes
 * with {@code after_seq}) instead of the server buffering without bound.
 */
final class Outbox {
    private final Function<String, Uni<Void>> transport;
    private final long maxPendingBytes;
    private final Runnable onOverflow;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean overflowed = new AtomicBoolean();

    Outbox(Function<String, Uni<Void>> transport, long maxPendingBytes, Runnable onOverflow) {
        this.transport = transport;
        this.maxPendingBytes = maxPendingBytes;
        this.onOverflow = onOverflow;
    }

    /** Queues a frame; returns false (and triggers the overflow action once) when over budget. */
    boolean send(String frame) {
        if (overflowed.get()) return false;
        long size = size(frame);
        if (pendingBytes.addAndGet(size) > maxPendingBytes) {
            pendingBytes.addAndGet(-size);
            if (overflowed.compareAndSet(false, true)) {
                queue.clear();
                onOverflow.run();
            }
            return false;
        }
        queue.add(frame);
        drain();
        return true;
    }

    /** Starts writing if no write is in flight; each completion writes the next frame. */
    private void drain() {
        while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            String next = queue.poll();
            if (next == null) {
                writing.set(false);
                continue;
            }
            long size = size(next);
            transport.apply(next).subscribe().with(ok -> written(size), err -> written(size));
            return;
        }
    }

    private void written(long size) {
        pendingBytes.addAndGet(-size);
        writing.set(false);
        if (overflowed.get()) queue.clear();
        else drain();
    }

    private static long size(String frame) {
        return frame.getBytes(StandardCharsets.UTF_8).length;
    }

    long pendingBytes() { return pendingBytes.get(); }

    boolean overflowed() { return overflowed.get(); }
}
