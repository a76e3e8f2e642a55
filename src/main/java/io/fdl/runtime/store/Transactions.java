package io.fdl.runtime.store;

import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Runs several repository calls as one unit, e.g. a change and its audit entry.
 *
 * <p>PostgreSQL: one database transaction (nested calls join it); a failure of the work rolls back
 * every Panache-backed write made inside it. Execution events ({@link ExecutionEventRepository})
 * are written through their own connection and are not part of it.
 *
 * <p>Memory: the work simply runs; there is <b>no rollback</b> — writes made before a failing step
 * stay. Services must therefore validate before writing (they do that anyway for clear errors).
 */
public interface Transactions {
    <T> Uni<T> inTransaction(Supplier<Uni<T>> work);
}
