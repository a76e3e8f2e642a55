package io.fdl.runtime.store.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fdl.runtime.store.ApiKey;
import io.fdl.runtime.store.AuditEntry;
import io.fdl.runtime.store.Datasource;
import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.Flow;
import io.fdl.runtime.store.FlowVersion;
import io.fdl.runtime.store.Tenant;
import io.fdl.runtime.store.ToolService;
import io.fdl.runtime.store.User;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The in-memory "database" shared by the memory repositories. One lock serialises every
 * operation: the operations are short map edits, and a single lock makes multi-map rules
 * (cascades, uniqueness, the published-version reference) exactly as atomic as PostgreSQL's.
 * Plain HashMaps are therefore enough; they are only touched under the lock.
 *
 * <p>Values are copied in and out (JSON is deep-copied) so a caller mutating a returned or passed
 * object cannot change stored state, just as with a real database.
 *
 * <p>History is bounded ({@code FDL_MEMORY_MAX_EXECUTIONS}): once more executions have finished than
 * that, the one that finished first is forgotten with its event log and idempotency key, in O(1)
 * (an insertion-ordered set of finished ids). Running executions are never evicted. The audit log
 * keeps the newest {@link #AUDIT_PER_EXECUTION} entries per retained execution.
 */
final class MemoryDatabase {
    /** audit entries retained per retained execution (start + end + a few others) */
    static final int AUDIT_PER_EXECUTION = 3;

    private final Object lock = new Object();
    private final int maxFinished;

    final Map<UUID, Tenant> tenants = new HashMap<>();
    final Map<UUID, User> users = new HashMap<>();
    final Map<UUID, Flow> flows = new HashMap<>();
    final Map<UUID, FlowVersion> versions = new HashMap<>();
    final Map<UUID, Execution> executions = new HashMap<>();
    /** (tenant, idempotency key) → execution id */
    final Map<Key, UUID> idempotencyKeys = new HashMap<>();
    /** ids of finished executions, the earliest finished first (the eviction order) */
    private final LinkedHashSet<UUID> finished = new LinkedHashSet<>();
    /** per-execution event logs; not under {@link #lock} (each log is locked on its own) */
    final Map<UUID, NavigableMap<Long, io.fdl.runtime.store.StoredEvent>> eventLogs = new ConcurrentHashMap<>();
    /** completed steps per execution (redrive reuses them), evicted with the execution */
    final Map<UUID, Map<String, com.fasterxml.jackson.databind.JsonNode>> steps = new ConcurrentHashMap<>();
    /** insertion (= creation) order, so the oldest entry is evicted first */
    final Map<UUID, AuditEntry> audit = new LinkedHashMap<>();
    final Map<UUID, ApiKey> apiKeys = new HashMap<>();
    final Map<Key, ToolService> toolServices = new HashMap<>();
    final Map<Key, Datasource> datasources = new HashMap<>();

    /** (tenant, name) identity of tool registrations and idempotency keys. */
    record Key(UUID tenantId, String name) {
    }

    MemoryDatabase(int maxFinishedExecutions) {
        if (maxFinishedExecutions < 1) throw new IllegalArgumentException("FDL_MEMORY_MAX_EXECUTIONS must be at least 1");
        this.maxFinished = maxFinishedExecutions;
        Instant now = now();
        tenants.put(Tenant.DEFAULT_ID, new Tenant(Tenant.DEFAULT_ID, "default", "Default", "Default tenant",
                JsonNodeFactory.instance.objectNode(), null, null, true, now, now));
    }

    /** Runs {@code op} under the lock when the Uni is subscribed; a thrown exception fails the Uni. */
    <T> Uni<T> call(Supplier<T> op) {
        return Uni.createFrom().item(() -> {
            synchronized (lock) {
                return op.get();
            }
        });
    }

    /** Under the lock: the execution just reached a terminal status; evicts the earliest finished beyond the bound. */
    void finished(UUID executionId) {
        if (!finished.add(executionId) || finished.size() <= maxFinished) return;
        Iterator<UUID> eldest = finished.iterator();
        UUID evicted = eldest.next();
        eldest.remove();
        Execution e = executions.remove(evicted);
        if (e != null && e.idempotencyKey() != null) idempotencyKeys.remove(new Key(e.tenantId(), e.idempotencyKey()));
        eventLogs.remove(evicted);
        steps.remove(evicted);
    }

    /** Under the lock: keeps the audit log within its bound, oldest entry first out. */
    void audited() {
        long max = (long) maxFinished * AUDIT_PER_EXECUTION;
        Iterator<UUID> eldest = audit.keySet().iterator();
        while (audit.size() > max && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    /** Microsecond precision, like PostgreSQL {@code timestamptz}. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    static JsonNode copy(JsonNode n) {
        return n == null ? null : n.deepCopy();
    }

    static JsonNode copyOrEmpty(JsonNode n) {
        return n == null ? JsonNodeFactory.instance.objectNode() : n.deepCopy();
    }

    /** PostgreSQL orders uuid bytewise = lower-case hex text order (Java's UUID.compareTo is signed). */
    static final Comparator<UUID> UUID_ORDER = Comparator.comparing(UUID::toString);
}
