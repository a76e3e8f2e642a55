package io.fdl.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.engine.RunQuota;
import io.fdl.runtime.store.ExecutionRepository;
import io.fdl.runtime.store.FlowRepository;
import io.fdl.runtime.store.Tenant;
import io.fdl.runtime.store.TenantRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tenant quotas of api.md §9, checked by the services before they create a flow or start an
 * execution (including API-key, webhook, WebSocket and sub-flow starts).
 *
 * <ul>
 *   <li>A tenant that was never registered has no quotas (tokens may name any tenant, §3.2).</li>
 *   <li>A registered tenant with {@code is_active = false} may not create flows or start executions:
 *       403 {@code TENANT_INACTIVE}.</li>
 *   <li>{@code max_flows}: at the limit, creating one more is 429 {@code QUOTA_EXCEEDED} with
 *       {@code Retry-After: 3600} (the count only drops when flows are deleted or the quota is raised).</li>
 *   <li>{@code max_executions_per_day}: executions started since 00:00 UTC; at the limit 429
 *       {@code QUOTA_EXCEEDED} with {@code Retry-After} = seconds until the next UTC midnight.</li>
 *   <li>{@code config.run_limits: {max_steps, max_bytes}}: a lower run budget for the tenant's runs
 *       (positive whole numbers; other values are ignored); it can only lower
 *       {@code FDL_RUN_MAX_STEPS} / {@code FDL_RUN_MAX_BYTES}, never raise them.</li>
 * </ul>
 * The check counts then the caller inserts, so concurrent requests may overshoot a quota by the
 * number of requests racing at that instant; quotas are guard rails, not billing meters.
 */
@ApplicationScoped
public class QuotaService {
    static final long FLOW_QUOTA_RETRY_AFTER = 3600;

    @Inject
    TenantRepository tenants;
    @Inject
    FlowRepository flows;
    @Inject
    ExecutionRepository executions;

    Clock clock = Clock.systemUTC();

    /** Fails with 403 TENANT_INACTIVE / 429 QUOTA_EXCEEDED when the tenant may not create another flow. */
    public Uni<Void> checkFlowCreate(UUID tenantId) {
        return tenants.find(tenantId).chain(t -> {
            Optional<Tenant> tenant = t;
            if (tenant.isEmpty()) return Uni.createFrom().voidItem();
            requireActive(tenant.get());
            Integer max = tenant.get().maxFlows();
            if (max == null) return Uni.createFrom().voidItem();
            return flows.count(tenantId).invoke(count -> {
                if (count >= max) {
                    throw exceeded("max_flows", max, count, FLOW_QUOTA_RETRY_AFTER,
                            "Flow quota exceeded: the tenant may have at most " + max + " flows");
                }
            }).replaceWithVoid();
        });
    }

    /**
     * Fails with 403 TENANT_INACTIVE / 429 QUOTA_EXCEEDED when the tenant may not start another
     * execution today; otherwise answers the tenant's run budget.
     */
    public Uni<RunQuota> checkExecutionStart(UUID tenantId) {
        return tenants.find(tenantId).chain(t -> {
            if (t.isEmpty()) return Uni.createFrom().item(RunQuota.NONE);
            requireActive(t.get());
            RunQuota quota = runQuota(t.get().config());
            Integer max = t.get().maxExecutionsPerDay();
            if (max == null) return Uni.createFrom().item(quota);
            Instant now = clock.instant();
            Instant dayStart = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
            long untilMidnight = Math.max(1, dayStart.plusSeconds(86_400).getEpochSecond() - now.getEpochSecond());
            return executions.countStartedSince(tenantId, dayStart).invoke(count -> {
                if (count >= max) {
                    throw exceeded("max_executions_per_day", max, count, untilMidnight,
                            "Daily execution quota exceeded: the tenant may start at most " + max
                                    + " executions per day (UTC)");
                }
            }).replaceWith(quota);
        });
    }

    /** The tenant's {@code config.run_limits}. */
    static RunQuota runQuota(JsonNode config) {
        JsonNode limits = config == null ? null : config.get("run_limits");
        if (limits == null || !limits.isObject()) return RunQuota.NONE;
        return new RunQuota(positive(limits.get("max_steps")), positive(limits.get("max_bytes")));
    }

    private static Long positive(JsonNode v) {
        return v != null && v.canConvertToExactIntegral() && v.canConvertToLong() && v.longValue() > 0 ? v.longValue() : null;
    }

    /** String-id convenience for callers holding {@link CurrentUser#tenantId()}. */
    public Uni<Void> checkFlowCreate(String tenantId) { return checkFlowCreate(UUID.fromString(tenantId)); }

    public Uni<RunQuota> checkExecutionStart(String tenantId) { return checkExecutionStart(UUID.fromString(tenantId)); }

    private static void requireActive(Tenant tenant) {
        if (!tenant.active()) throw new ApiException(403, "TENANT_INACTIVE", "Tenant is deactivated");
    }

    private static ApiException exceeded(String quota, int limit, long current, long retryAfter, String message) {
        return new ApiException(429, "QUOTA_EXCEEDED", message,
                Map.of("quota", quota, "limit", limit, "current", current))
                .with(ApiException.RETRY_AFTER, retryAfter);
    }
}
