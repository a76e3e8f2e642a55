/**
 * Storage ports (repository interfaces) and the domain records they exchange.
 *
 * <p>Rules every adapter follows (checked by the shared contract test suite):
 * <ul>
 *   <li>Every method takes the tenant id; a row of another tenant is simply not found. The one
 *       cross-tenant lookup is {@link io.fdl.runtime.store.ApiKeyRepository#findByHash}, because the
 *       key itself identifies its tenant (and {@link io.fdl.runtime.store.TenantRepository}, whose rows
 *       are the tenants).</li>
 *   <li>Every method returns a Mutiny {@code Uni} and never blocks the caller; it may be called from
 *       any thread (Vert.x or not).</li>
 *   <li>A uniqueness or reference violation fails with {@link io.fdl.runtime.store.StoreConflictException};
 *       an unreachable/broken database with {@link io.fdl.runtime.store.StoreUnavailableException}.</li>
 *   <li>The store owns {@code created_at}/{@code updated_at}: values passed in are ignored on create
 *       and update. All instants are kept at microsecond precision (what PostgreSQL stores).</li>
 *   <li>Ties in "newest first" orderings are broken by id, descending, in both adapters.</li>
 * </ul>
 *
 * <p>{@link io.fdl.runtime.store.RunLedger} is the execution write path (issues 11 and 12): the start,
 * the checkpoints (events + completed steps), the end, and in PostgreSQL mode the leases by which
 * replicas own runs. Each call is one statement; every write after the start is fenced by the run's
 * lease epoch. The repositories keep the read side of executions and events.
 */
package io.fdl.runtime.store;
