package io.fdl.runtime.store.postgres;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/** Shared plumbing of the Panache repositories: run on a safe context, in a session or transaction. */
abstract class PgBase {
    static final Sort NEWEST_UPDATED = Sort.descending("updatedAt", "id");
    static final Sort NEWEST_CREATED = Sort.descending("createdAt", "id");

    private final ContextRunner runner;

    PgBase(ContextRunner runner) {
        this.runner = runner;
    }

    /** Reads in a session (joins the transaction when called inside one). */
    <T> Uni<T> read(Supplier<Uni<T>> work) {
        return runner.run(() -> Panache.withSession(work::get));
    }

    /** Writes in a transaction (joins the enclosing one when called inside {@code inTransaction}). */
    <T> Uni<T> write(Supplier<Uni<T>> work) {
        return runner.run(() -> Panache.withTransaction(work::get));
    }

    /** Escapes LIKE wildcards in user text (escape character '!'). */
    static String likeContains(String needle) {
        return "%" + needle.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
