package io.fdl.runtime.store.postgres;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs store work on a Vert.x context, whatever thread the caller is on, without blocking.
 *
 * <p>Hibernate Reactive keeps its session in the current Vert.x (duplicated) context and refuses
 * to run anywhere else. Callers include HTTP handlers, the engine's event listener and timers,
 * possibly interleaving many operations on one context; sharing one session between interleaved
 * operations is illegal. So each operation runs on a FRESH duplicated context (a cheap
 * {@code runOnContext} hop to an event loop) with its own session — except inside
 * {@link PostgresTransactions#inTransaction}, whose context is marked and whose nested calls run
 * in place to join its transaction.
 *
 * <p>It also maps failures ({@link StoreErrors}) and bounds every operation with the store timeout
 * so a hung database surfaces as {@code StoreUnavailableException} instead of a hang.
 */
final class ContextRunner {
    /** Context-local key marking a context that runs an open store transaction. */
    static final String TX_KEY = "fdl.store.tx";

    private final Vertx vertx;
    private final Duration timeout;

    ContextRunner(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.timeout = timeout;
    }

    <T> Uni<T> run(Supplier<Uni<T>> work) {
        return dispatch(work, false);
    }

    /** Runs {@code work} on a fresh context marked as a transaction context (nested calls join). */
    <T> Uni<T> runTransaction(Supplier<Uni<T>> work) {
        return dispatch(work, true);
    }

    private <T> Uni<T> dispatch(Supplier<Uni<T>> work, boolean transaction) {
        Uni<T> uni;
        if (inTransaction()) {
            uni = Uni.createFrom().deferred(work::get);
        } else {
            uni = Uni.createFrom().emitter(em -> {
                // the request scope (the authenticated caller, read by audit) lives in the caller's
                // duplicated context: carry it over to the fresh one so the work still sees it
                InjectableContext.ContextState request = activeRequestState();
                Context parent = eventLoopContext();
                Context ctx = VertxContext.createNewDuplicatedContext(parent);
                VertxContextSafetyToggle.setContextSafe(ctx, true);
                if (transaction) ctx.putLocal(TX_KEY, Boolean.TRUE);
                ctx.runOnContext(ignored -> {
                    if (request != null) Arc.container().requestContext().activate(request);
                    Uni<T> inner;
                    try {
                        inner = work.get();
                    } catch (Throwable t) {
                        ctx.removeLocal(TX_KEY);
                        em.fail(t);
                        return;
                    }
                    // the caller's continuation runs on this context: once the transaction is over it
                    // must not be taken for "inside the transaction" (its session is closed)
                    inner.subscribe().with(item -> {
                        ctx.removeLocal(TX_KEY);
                        em.complete(item);
                    }, failure -> {
                        ctx.removeLocal(TX_KEY);
                        em.fail(failure);
                    });
                });
            });
        }
        return guard(uni);
    }

    private static InjectableContext.ContextState activeRequestState() {
        if (Arc.container() == null) return null;
        ManagedContext rc = Arc.container().requestContext();
        return rc.isActive() ? rc.getState() : null;
    }

    /** Bounds {@code uni} by the store timeout and maps its failures; no context dispatch. */
    <T> Uni<T> guard(Uni<T> uni) {
        return uni.ifNoItem().after(timeout).failWith(() -> new java.util.concurrent.TimeoutException(
                        "store operation took longer than " + timeout.toSeconds() + " s"))
                .onFailure().transform(StoreErrors::map);
    }

    /**
     * The caller's event-loop context (so HTTP handlers stay on their thread), else a new event-loop
     * context: Hibernate Reactive must run on an event loop, never on a worker or foreign thread.
     */
    private Context eventLoopContext() {
        Context current = Vertx.currentContext();
        if (current != null && current.isEventLoopContext()) return current;
        return ((VertxInternal) vertx).createEventLoopContext();
    }

    static boolean inTransaction() {
        Context current = Vertx.currentContext();
        return current != null && VertxContext.isDuplicatedContext(current)
                && Boolean.TRUE.equals(current.getLocal(TX_KEY));
    }
}
