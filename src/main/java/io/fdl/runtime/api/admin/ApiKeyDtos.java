package io.fdl.runtime.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fdl.runtime.store.ApiKey;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Bodies of /api/flows/{id}/api-keys (api.md §7). */
public final class ApiKeyDtos {
    private ApiKeyDtos() {}

    @RegisterForReflection
    @Schema(name = "CreateApiKeyRequest")
    public record CreateApiKeyRequest(@Schema(required = true) String name, String description,
                                      @Schema(description = "requests per minute, default 100")
                                      @JsonProperty("rate_limit") Integer rateLimit,
                                      @Schema(description = "omitted: never expires")
                                      @JsonProperty("expires_in_days") Integer expiresInDays) {}

    /** A key as listed; {@code key} (the full secret) is present only in the creation response. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApiKey")
    public record ApiKeyView(String id, @JsonProperty("flow_id") String flowId, String name, String description,
                             @Schema(description = "full key, returned once at creation") String key,
                             @JsonProperty("key_prefix") String keyPrefix,
                             @JsonProperty("rate_limit") int rateLimit,
                             @JsonProperty("is_active") boolean active,
                             @JsonProperty("expires_at") Instant expiresAt,
                             @JsonProperty("last_used_at") Instant lastUsedAt,
                             @Schema(description = "accepted requests; exact within a minute across replicas")
                             @JsonProperty("usage_count") long usageCount,
                             @JsonProperty("created_at") Instant createdAt) {
        public static ApiKeyView of(ApiKey k, String plaintext) {
            return new ApiKeyView(k.id().toString(), k.flowId().toString(), k.name(), k.description(), plaintext,
                    k.keyPrefix(), k.rateLimit(), k.active(), k.expiresAt(), k.lastUsedAt(), k.usageCount(), k.createdAt());
        }
    }

    @RegisterForReflection
    @Schema(name = "ApiKeyList")
    public record ApiKeyList(@JsonProperty("api_keys") List<ApiKeyView> apiKeys, long total) {}
}
