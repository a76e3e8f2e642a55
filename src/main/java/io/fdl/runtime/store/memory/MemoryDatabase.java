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
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The in-memory "database" shared by the memory repositories. One lock serialises every
 * operation: the operations are short map edits, and a single lock makes multi-map rules
 * (cascades, uniqueness, the published-version reference) exactly as atomic as PostgreSQL's.
 * Plain HashMaps are therefore enough; they are only touched under the lock.
 *
 * <p>Values are copied in and out (JSON is deep-copied) so a caller mutating a returned or passed
 * object cannot change stored state, just as with a real database.
 */
final class MemoryDatabase {
    private final Object lock = new Object();

    final Map<UUID, Tenant> tenants = new HashMap<>();
    final Map<UUID, User> users = new HashMap<>();
    final Map<UUID, Flow> flows = new HashMap<>();
    final Map<UUID, FlowVersion> versions = new HashMap<>();
    final Map<UUID, Execution> executions = new HashMap<>();
    final Map<UUID, AuditEntry> audit = new HashMap<>();
    final Map<UUID, ApiKey> apiKeys = new HashMap<>();
    final Map<Key, ToolService> toolServices = new HashMap<>();
    final Map<Key, Datasource> datasources = new HashMap<>();

    /** (tenant, name) identity of tool registrations. */
    record Key(UUID tenantId, String name) {
    }

    MemoryDatabase() {
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
