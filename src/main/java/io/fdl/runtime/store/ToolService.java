package io.fdl.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * An {@code api://} service registration (tools.md §3.2); identified by (tenant, name).
 * {@code authConfig} is stored as given: the tools layer encrypts secrets before saving.
 */
public record ToolService(UUID tenantId, String name, String displayName, String description, String baseUrl,
                          String authType, JsonNode authConfig, JsonNode defaultHeaders, int timeoutMs,
                          boolean enabled, Instant createdAt, Instant updatedAt) {
}
