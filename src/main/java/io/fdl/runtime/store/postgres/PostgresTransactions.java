package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.Transactions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * One PostgreSQL transaction around the work (Panache.withTransaction): every Panache-backed
 * repository call made inside it, on its context, joins it; a failure rolls all of them back.
 * Calls inside must be sequenced (chained), not run concurrently: one session serves them all.
 */
final class PostgresTransactions implements Transactions {
    private final ContextRunner runner;

    PostgresTransactions(ContextRunner runner) {
        this.runner = runner;
    }

    @Override
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return runner.runTransaction(() -> Panache.withTransaction(work::get));
    }
}
