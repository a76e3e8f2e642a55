package io.fdl.runtime.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A {@code db://} datasource registration (tools.md §4.2); identified by (tenant, name).
 * {@code connectionString} is stored as given: the tools layer encrypts the password before saving.
 *
 * @param table default table, may be null
 */
public record Datasource(UUID tenantId, String name, String displayName, String dbType, String connectionString,
                         String schema, String table, int poolSize, int timeoutMs, boolean readOnly,
                         boolean allowNative, boolean enabled, Instant createdAt, Instant updatedAt) {
}
