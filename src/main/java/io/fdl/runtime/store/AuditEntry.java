package io.fdl.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit log line (api.md §9). {@code createdAt} is assigned by the store.
 *
 * @param userId       the acting principal (token {@code sub}, API key id …); null when anonymous
 * @param eventType    {@code flow.create}, {@code auth.failed} …
 * @param resourceType {@code flow}, {@code version}, {@code execution} … (may be null)
 * @param details      JSON object (never null)
 * @param ip           client address, may be null
 */
public record AuditEntry(UUID id, UUID tenantId, String userId, String eventType, String resourceType,
                         String resourceId, JsonNode details, String ip, Instant createdAt) {

    public static AuditEntry of(UUID tenantId, String userId, String eventType, String resourceType,
                                String resourceId, JsonNode details, String ip) {
        return new AuditEntry(UUID.randomUUID(), tenantId, userId, eventType, resourceType, resourceId, details, ip,
                null);
    }
}
