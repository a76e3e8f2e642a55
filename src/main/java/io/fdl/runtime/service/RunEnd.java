package io.fdl.runtime.service;

import io.smallrye.mutiny.Uni;

import java.util.concurrent.CompletableFuture;

/**
 * The end of a run (its final record), awaited by any number of callers: the sync request, an
 * idempotent retry, a cancel. Completed once, from whatever thread finishes the run.
 *
 * <p>Not {@code Uni.memoize()}: in Mutiny 3.1 a subscriber joining a memoized Uni while its upstream
 * completes on another thread can get {@code onItem} before {@code onSubscribe}, and a
 * {@code chain()} step takes such an early item for its OWN upstream item and calls its mapper with
 * it — the sync answer reached {@code start()}'s {@code chain(created -> …)} and failed with
 * "Started cannot be cast to Execution" (500 under load). An emitter always signals
 * {@code onSubscribe} first.
 */
final class RunEnd<T> {
    private final CompletableFuture<T> future = new CompletableFuture<>();

    void complete(T value) {
        future.complete(value);
    }

    void fail(Throwable failure) {
        future.completeExceptionally(failure);
    }

    /** A Uni of the end; cancelling it only stops that waiter, never the run's end. */
    Uni<T> uni() {
        return Uni.createFrom().emitter(em -> future.whenComplete((value, failure) -> {
            if (failure != null) em.fail(failure);
            else em.complete(value);
        }));
    }
}
