package io.fdl.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.Tenant;
import io.fdl.runtime.store.TenantRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tenant management for superadmins (api.md §9). Deleting a tenant removes its registration
 * (name, quotas, activation), not its data: flows and history stay under the tenant id, and a token
 * naming it keeps working without quotas. The {@code default} tenant cannot be deleted.
 */
@ApplicationScoped
public class TenantService {
    static final int MAX_TEXT = 200;
    static final int MAX_DESCRIPTION = 2000;

    @Inject
    TenantRepository tenants;
    @Inject
    AuditService audit;

    /** Fields of a create request after JSON binding (nulls = not given). */
    public record NewTenant(String id, String buCode, String name, String description, JsonNode config,
                            Integer maxFlows, Integer maxExecutionsPerDay, Boolean active) {}

    public Uni<List<Tenant>> list() {
        return tenants.list();
    }

    public Uni<Tenant> get(UUID id) {
        return tenants.find(id).map(t -> t.orElseThrow(() -> ApiException.notFound("Tenant not found")));
    }

    public Uni<Tenant> create(NewTenant req) {
        String name = requireText("name", req.name(), MAX_TEXT);
        String bu = optionalText("bu_code", req.buCode(), MAX_TEXT);
        String description = optionalText("description", req.description(), MAX_DESCRIPTION);
        UUID id = req.id() == null || req.id().isBlank() ? UUID.randomUUID()
                : UUID.fromString(TenantIds.toUuid(optionalText("id", req.id().trim(), MAX_TEXT)));
        Tenant t = new Tenant(id, bu == null ? AuthPrincipal.DEFAULT_BU : bu, name, description,
                configObject(req.config()), quota("max_flows", req.maxFlows()),
                quota("max_executions_per_day", req.maxExecutionsPerDay()),
                req.active() == null || req.active(), null, null);
        return audit.withAudit(() -> tenants.create(t), created -> audited(AuditEvents.TENANT_CREATE, created))
                .onFailure(StoreConflictException.class)
                .transform(e -> ApiException.conflict("TENANT_EXISTS", "A tenant with id " + id + " already exists"));
    }

    /**
     * Applies the fields present in {@code patch} (a JSON object): {@code name, bu_code, description,
     * config, max_flows, max_executions_per_day, is_active}; an explicit null quota means unlimited.
     */
    public Uni<Tenant> update(UUID id, JsonNode patch) {
        if (patch == null || !patch.isObject()) throw ApiException.badRequest("INVALID_REQUEST", "Body must be a JSON object");
        return get(id).chain(old -> {
            Tenant next = new Tenant(old.id(),
                    patch.has("bu_code") ? requireText("bu_code", text(patch, "bu_code"), MAX_TEXT) : old.buCode(),
                    patch.has("name") ? requireText("name", text(patch, "name"), MAX_TEXT) : old.name(),
                    patch.has("description") ? optionalText("description", text(patch, "description"), MAX_DESCRIPTION)
                            : old.description(),
                    patch.has("config") ? configObject(patch.get("config")) : old.config(),
                    patch.has("max_flows") ? quota("max_flows", integer(patch, "max_flows")) : old.maxFlows(),
                    patch.has("max_executions_per_day")
                            ? quota("max_executions_per_day", integer(patch, "max_executions_per_day"))
                            : old.maxExecutionsPerDay(),
                    patch.has("is_active") ? bool(patch, "is_active") : old.active(),
                    old.createdAt(), old.updatedAt());
            return audit.withAudit(
                    () -> tenants.update(next).map(t -> t.orElseThrow(() -> ApiException.notFound("Tenant not found"))),
                    updated -> audited(AuditEvents.TENANT_UPDATE, updated));
        });
    }

    public Uni<Void> delete(UUID id) {
        if (Tenant.DEFAULT_ID.equals(id)) {
            return Uni.createFrom().failure(ApiException.conflict("DEFAULT_TENANT", "The default tenant cannot be deleted"));
        }
        return audit.withAudit(() -> tenants.delete(id).invoke(deleted -> {
                    if (!deleted) throw ApiException.notFound("Tenant not found");
                }), deleted -> AuditService.Record.of(AuditEvents.TENANT_DELETE, "tenant", id, Map.of()).in(id))
                .replaceWithVoid();
    }

    private static AuditService.Record audited(String event, Tenant t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", t.name());
        d.put("max_flows", t.maxFlows());
        d.put("max_executions_per_day", t.maxExecutionsPerDay());
        d.put("is_active", t.active());
        return AuditService.Record.of(event, "tenant", t.id(), d).in(t.id());
    }

    private static ObjectNode configObject(JsonNode config) {
        if (config == null || config.isNull()) return JsonNodeFactory.instance.objectNode();
        if (!config.isObject()) throw ApiException.badRequest("INVALID_REQUEST", "config must be a JSON object");
        return (ObjectNode) config;
    }

    private static Integer quota(String field, Integer v) {
        if (v != null && v < 0) throw ApiException.badRequest("INVALID_REQUEST", field + " must be >= 0 or null");
        return v;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ApiException.badRequest("INVALID_REQUEST", field + " must be a string");
        return v.asText();
    }

    private static Integer integer(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ApiException.badRequest("INVALID_REQUEST", field + " must be an integer or null");
        }
        return v.intValue();
    }

    private static boolean bool(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isBoolean()) throw ApiException.badRequest("INVALID_REQUEST", field + " must be a boolean");
        return v.booleanValue();
    }

    static String requireText(String field, String v, int max) {
        if (v == null || v.isBlank()) throw ApiException.badRequest("INVALID_REQUEST", field + " is required");
        return optionalText(field, v, max);
    }

    static String optionalText(String field, String v, int max) {
        if (v == null) return null;
        if (v.length() > max) throw ApiException.badRequest("INVALID_REQUEST", field + " must be at most " + max + " characters");
        return v.trim();
    }
}
