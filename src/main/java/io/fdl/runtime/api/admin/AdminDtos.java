package io.fdl.runtime.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.store.AuditEntry;
import io.fdl.runtime.store.Tenant;
import io.fdl.runtime.store.User;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Bodies of /api/tenants, /api/users and /api/audit (api.md §9). JSON names are snake_case. */
public final class AdminDtos {
    private AdminDtos() {}

    @RegisterForReflection
    @Schema(name = "Tenant")
    public record TenantView(String id, @JsonProperty("bu_code") String buCode, String name, String description,
                             JsonNode config, @JsonProperty("max_flows") Integer maxFlows,
                             @JsonProperty("max_executions_per_day") Integer maxExecutionsPerDay,
                             @JsonProperty("is_active") boolean active,
                             @JsonProperty("created_at") Instant createdAt,
                             @JsonProperty("updated_at") Instant updatedAt) {
        public static TenantView of(Tenant t) {
            return new TenantView(t.id().toString(), t.buCode(), t.name(), t.description(), t.config(), t.maxFlows(),
                    t.maxExecutionsPerDay(), t.active(), t.createdAt(), t.updatedAt());
        }
    }

    @RegisterForReflection
    @Schema(name = "TenantList")
    public record TenantList(List<TenantView> tenants, long total) {}

    @RegisterForReflection
    @Schema(name = "CreateTenantRequest", description = "id: a UUID or a tenant name as tokens carry it (names map "
            + "to UUIDs, api.md §3.2); omitted: a random UUID. Quotas null = unlimited.")
    public record CreateTenantRequest(String id, @JsonProperty("bu_code") String buCode,
                                      @Schema(required = true) String name, String description, JsonNode config,
                                      @JsonProperty("max_flows") Integer maxFlows,
                                      @JsonProperty("max_executions_per_day") Integer maxExecutionsPerDay,
                                      @JsonProperty("is_active") Boolean active) {}

    @RegisterForReflection
    @Schema(name = "User")
    public record UserView(String id, @JsonProperty("tenant_id") String tenantId, String username, List<String> roles,
                           @JsonProperty("bu_code") String buCode, @JsonProperty("locked_until") Instant lockedUntil,
                           @JsonProperty("created_at") Instant createdAt,
                           @JsonProperty("updated_at") Instant updatedAt, boolean disabled) {
        public static UserView of(User u) {
            return new UserView(u.id().toString(), u.tenantId().toString(), u.username(), u.roles(), u.buCode(),
                    u.lockedUntil(), u.createdAt(), u.updatedAt(), u.disabled());
        }
    }

    @RegisterForReflection
    public record UpdateUserRequest(@Schema(description = "replaces the roles") List<String> roles,
                                    @Schema(description = "true: the user cannot log in, its tokens stop working") Boolean disabled) {}

    @RegisterForReflection
    @Schema(name = "UserList")
    public record UserList(List<UserView> users, long total) {}

    @RegisterForReflection
    @Schema(name = "CreateUserRequest", description = "roles default to [\"viewer\"]; only a superadmin may grant superadmin")
    public record CreateUserRequest(@Schema(required = true) String username,
                                    @Schema(required = true, description = "8..72 bytes; stored as a bcrypt hash only")
                                    String password, List<String> roles, @JsonProperty("bu_code") String buCode) {
        @Override
        public String toString() {
            return "CreateUserRequest[username=" + username + ", roles=" + roles + ", bu_code=" + buCode + "]";
        }
    }

    @RegisterForReflection
    @Schema(name = "AuditEntry")
    public record AuditView(String id, @JsonProperty("tenant_id") String tenantId, @JsonProperty("user_id") String userId,
                            @JsonProperty("event_type") String eventType,
                            @JsonProperty("resource_type") String resourceType,
                            @JsonProperty("resource_id") String resourceId, JsonNode details,
                            @JsonProperty("ip_address") String ip, @JsonProperty("created_at") Instant createdAt) {
        public static AuditView of(AuditEntry e) {
            return new AuditView(e.id().toString(), e.tenantId().toString(), e.userId(), e.eventType(),
                    e.resourceType(), e.resourceId(), e.details(), e.ip(), e.createdAt());
        }
    }

    @RegisterForReflection
    @Schema(name = "AuditList")
    public record AuditList(List<AuditView> entries, long total, int limit, int offset) {}

    @RegisterForReflection
    @Schema(name = "DeleteResponse")
    public record Deleted(boolean success, @JsonProperty("deleted_id") String deletedId) {}
}
