package io.fdl.runtime.service;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The end of a run handed to a waiter that subscribes while another thread finishes the run. With
 * {@code memoize()} this harness sees about one {@code ClassCastException} per 300 000 rounds on a
 * 2-core box (the waiter's {@code chain()} gets the item before {@code onSubscribe}); no round may fail.
 */
class RunEndTest {
    private record Answer(String record) {}

    @Test
    void aWaiterSubscribingWhileTheRunEndsOnAnotherThreadGetsTheAnswer() throws Exception {
        AtomicReference<RunEnd<String>> toFinish = new AtomicReference<>();
        Thread finisher = new Thread(() -> {
            int jitter = 0;
            while (!Thread.currentThread().isInterrupted()) {
                RunEnd<String> end;
                while ((end = toFinish.getAndSet(null)) == null) {
                    if (Thread.currentThread().isInterrupted()) return;
                    Thread.onSpinWait();
                }
                for (int k = 0; k < (jitter++ & 63); k++) Thread.onSpinWait(); // land anywhere in the subscribe
                end.complete("final record");
            }
        }, "run-finisher");
        finisher.setDaemon(true);
        finisher.start();
        try {
            for (int i = 0; i < 100_000; i++) {
                RunEnd<String> end = new RunEnd<>();
                end.uni().subscribe().with(x -> { }, e -> { }); // the run's own driver subscribes first
                CompletableFuture<Object> answer = new CompletableFuture<>();
                toFinish.set(end);
                Uni.createFrom().item("created record")
                        .chain(created -> end.uni().map(Answer::new))
                        .subscribe().with(answer::complete, answer::completeExceptionally);
                Object got = answer.get(10, TimeUnit.SECONDS);
                assertInstanceOf(Answer.class, got, "round " + i);
                assertEquals("final record", ((Answer) got).record());
            }
        } finally {
            finisher.interrupt();
        }
    }

    @Test
    void aFailedEndFailsEveryWaiterAndCancellingAWaiterLeavesTheOthers() throws Exception {
        RunEnd<String> end = new RunEnd<>();
        CompletableFuture<String> kept = end.uni().subscribeAsCompletionStage();
        end.uni().subscribe().with(x -> { }).cancel();
        end.fail(new IllegalStateException("store down"));
        Throwable failure = kept.handle((v, e) -> e).get(5, TimeUnit.SECONDS);
        assertInstanceOf(IllegalStateException.class, failure instanceof java.util.concurrent.CompletionException
                ? failure.getCause() : failure);
    }
}
