package io.fdl.runtime.ws;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class OutboxTest {

    @Test
    void aReaderThatKeepsUpNeverOverflows() {
        AtomicInteger overflows = new AtomicInteger();
        List<String> sent = new ArrayList<>();
        Outbox box = new Outbox(f -> { sent.add(f); return Uni.createFrom().voidItem(); }, 100, overflows::incrementAndGet);
        for (int i = 0; i < 1000; i++) assertTrue(box.send("frame-" + i));
        assertEquals(1000, sent.size());
        assertEquals(0, box.pendingBytes());
        assertEquals(0, overflows.get());
    }

    @Test
    void aStalledReaderIsCutOffOnceAndPendingStaysBounded() {
        AtomicInteger overflows = new AtomicInteger();
        List<CompletableFuture<Void>> stalled = new ArrayList<>();
        Outbox box = new Outbox(f -> {
            CompletableFuture<Void> never = new CompletableFuture<>();
            stalled.add(never);
            return Uni.createFrom().completionStage(never);
        }, 1000, overflows::incrementAndGet);
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) if (box.send("0123456789")) accepted++;
        assertEquals(100, accepted, "1000 byte budget / 10 byte frames");
        assertEquals(1, stalled.size(), "one write in flight at a time");
        assertTrue(box.pendingBytes() <= 1000);
        assertEquals(1, overflows.get(), "overflow action runs once");
        assertTrue(box.overflowed());
        stalled.get(0).complete(null);
        assertEquals(1, stalled.size(), "a cut connection writes nothing more");
        assertFalse(box.send("x"), "a cut connection accepts nothing more");
    }

    @Test
    void framesLeaveInQueueOrderOneAtATime() {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        List<String> order = new ArrayList<>();
        Outbox box = new Outbox(f -> {
            order.add(f);
            CompletableFuture<Void> w = new CompletableFuture<>();
            writes.add(w);
            return Uni.createFrom().completionStage(w);
        }, 10_000, () -> {});
        for (int i = 0; i < 5; i++) box.send("f" + i);
        assertEquals(List.of("f0"), order);
        for (int i = 0; i < 5; i++) writes.get(i).complete(null);
        assertEquals(List.of("f0", "f1", "f2", "f3", "f4"), order);
        assertEquals(0, box.pendingBytes());
    }

    @Test
    void failedWritesReleaseTheirBudget() {
        Outbox box = new Outbox(f -> Uni.createFrom().failure(new RuntimeException("closed")), 10, () -> {});
        for (int i = 0; i < 100; i++) assertTrue(box.send("12345"));
        assertEquals(0, box.pendingBytes());
    }
}
