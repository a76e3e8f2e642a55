package io.fdl.runtime.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs CPU-heavy work (parsing and validating a 1 MiB flow, compiling it) on the worker pool so it
 * never stalls an event loop, and resumes on the caller's Vert.x context afterwards (the reactive
 * store must be called from there).
 */
public final class Offload {
    private Offload() {}

    public static <T> Uni<T> cpu(Supplier<T> work) {
        Context ctx = Vertx.currentContext();
        Uni<T> uni = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return ctx == null ? uni : uni.emitOn(r -> ctx.runOnContext(v -> r.run()));
    }
}
