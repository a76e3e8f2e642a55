package io.fdl.runtime.ws;

import io.smallrye.mutiny.Uni;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Bounded outbound buffer of one connection. A write counts as pending until the transport has
 * taken it; a client that does not read lets pending bytes grow, and past the budget the connection
 * is cut (the client resumes with {@code after_seq}) instead of the server buffering without bound.
 */
final class Outbox {
    private final Function<String, Uni<Void>> transport;
    private final long maxPendingBytes;
    private final Runnable onOverflow;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicBoolean overflowed = new AtomicBoolean();

    Outbox(Function<String, Uni<Void>> transport, long maxPendingBytes, Runnable onOverflow) {
        this.transport = transport;
        this.maxPendingBytes = maxPendingBytes;
        this.onOverflow = onOverflow;
    }

    /** Queues a frame; returns false (and triggers the overflow action once) when over budget. */
    boolean send(String frame) {
        if (overflowed.get()) return false;
        long size = frame.getBytes(StandardCharsets.UTF_8).length;
        if (pendingBytes.addAndGet(size) > maxPendingBytes) {
            pendingBytes.addAndGet(-size);
            if (overflowed.compareAndSet(false, true)) onOverflow.run();
            return false;
        }
        transport.apply(frame).subscribe().with(ok -> pendingBytes.addAndGet(-size), err -> pendingBytes.addAndGet(-size));
        return true;
    }

    long pendingBytes() { return pendingBytes.get(); }

    boolean overflowed() { return overflowed.get(); }
}
