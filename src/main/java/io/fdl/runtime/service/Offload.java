package io.fdl.runtime.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs CPU-heavy work (parsing and validating a 1 MiB flow, compiling it) on the worker pool so it
 * never stalls an event loop, and resumes on the caller's Vert.x context afterwards (the reactive
 * store must be called from there).
 */
public final class Offload {
    /**
     * Plain daemon threads without any Vert.x context. The PostgreSQL store marks the context of a
     * transaction and runs later calls made on that context "in place" (to join it); continuing a
     * chain here after a transaction ends makes later store calls start fresh, and engine run tasks
     * never inherit a request's (transaction) context through context propagation.
     */
    public static final Executor PLAIN = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "fdl-plain-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private Offload() {}

    /** Continues {@code uni}'s downstream on a context-free thread (use after a store transaction). */
    public static <T> Uni<T> detach(Uni<T> uni) {
        return uni.emitOn(PLAIN);
    }

    public static <T> Uni<T> cpu(Supplier<T> work) {
        Context ctx = Vertx.currentContext();
        Uni<T> uni = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return ctx == null ? uni : uni.emitOn(r -> ctx.runOnContext(v -> r.run()));
    }
}
