package io.fdl.runtime.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.store.AuditEntry;
import io.fdl.runtime.store.AuditLogRepository;
import io.fdl.runtime.store.ExecutionRepository;
import io.fdl.runtime.store.FlowRepository;
import io.fdl.runtime.store.TenantRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * The flow/execution services' view of auditing and tenant quotas (api.md §9). Audit entries are
 * written inside the caller's transaction so a change and its audit line commit together.
 */
@ApplicationScoped
public class Audit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditLogRepository log;
    private final TenantRepository tenants;
    private final FlowRepository flows;
    private final ExecutionRepository executions;

    @Inject
    public Audit(AuditLogRepository log, TenantRepository tenants, FlowRepository flows, ExecutionRepository executions) {
        this.log = log;
        this.tenants = tenants;
        this.flows = flows;
        this.executions = executions;
    }

    public Uni<Void> record(Caller caller, String eventType, String resourceType, UUID resourceId,
                            Map<String, ?> details) {
        JsonNode d = details == null ? JsonNodeFactory.instance.objectNode() : JSON.valueToTree(details);
        return log.append(AuditEntry.of(caller.tenantId(), caller.subject(), eventType, resourceType,
                resourceId == null ? null : resourceId.toString(), d, null)).replaceWithVoid();
    }

    /** 429 QUOTA_EXCEEDED when the tenant already has {@code max_flows} flows. */
    public Uni<Void> checkFlowQuota(Caller caller) {
        return tenants.find(caller.tenantId()).chain(t -> {
            Integer max = t.map(x -> x.maxFlows()).orElse(null);
            if (max == null) return Uni.createFrom().voidItem();
            return flows.count(caller.tenantId()).invoke(n -> {
                if (n >= max) throw quota("flow quota of " + max + " reached");
            }).replaceWithVoid();
        });
    }

    /** 429 QUOTA_EXCEEDED when the tenant started {@code max_executions_per_day} runs today (UTC). */
    public Uni<Void> checkExecutionQuota(UUID tenantId) {
        return tenants.find(tenantId).chain(t -> {
            Integer max = t.map(x -> x.maxExecutionsPerDay()).orElse(null);
            if (max == null) return Uni.createFrom().voidItem();
            return executions.countStartedSince(tenantId, LocalDate.now(ZoneOffset.UTC).atStartOfDay()
                    .toInstant(ZoneOffset.UTC)).invoke(n -> {
                if (n >= max) throw quota("daily execution quota of " + max + " reached");
            }).replaceWithVoid();
        });
    }

    private static ApiException quota(String message) {
        long secondsToMidnight = java.time.Duration.between(java.time.Instant.now(),
                LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)).toSeconds();
        return ApiException.tooManyRequests("QUOTA_EXCEEDED", message, Math.max(1, secondsToMidnight));
    }
}
