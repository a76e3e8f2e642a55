package io.fdl.runtime.service;

import io.fdl.runtime.store.AuditEntry;
import io.fdl.runtime.auth.AuditService;
import io.fdl.runtime.auth.QuotaService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.UUID;

/**
 * The flow/execution services' view of auditing and tenant quotas (api.md §9), delegating to the
 * auth package. Entries name the caller explicitly because the end of a run is recorded outside the
 * request that started it. Call {@link #record} inside the transaction of the change it describes.
 */
@ApplicationScoped
public class Audit {
    private final AuditService audit;
    private final QuotaService quotas;

    @Inject
    public Audit(AuditService audit, QuotaService quotas) {
        this.audit = audit;
        this.quotas = quotas;
    }

    public Uni<Void> record(Caller caller, String eventType, String resourceType, UUID resourceId,
                            Map<String, ?> details) {
        return audit.append(caller.tenantId(), caller.subject(), eventType, resourceType,
                resourceId == null ? null : resourceId.toString(), details == null ? Map.of() : details, null)
                .replaceWithVoid();
    }

    /** The entry {@link #record} would write, for the run ledger, which writes it with the change itself. */
    public AuditEntry entry(Caller caller, String eventType, String resourceType, UUID resourceId, Map<String, ?> details) {
        return audit.entry(caller.tenantId(), caller.subject(), eventType, resourceType,
                resourceId == null ? null : resourceId.toString(), details == null ? Map.of() : details, null);
    }

    /** 403 TENANT_INACTIVE / 429 QUOTA_EXCEEDED when the tenant may not create another flow. */
    public Uni<Void> checkFlowQuota(Caller caller) {
        return quotas.checkFlowCreate(caller.tenantId());
    }

    /** 403 TENANT_INACTIVE / 429 QUOTA_EXCEEDED when the tenant may not start another execution today. */
    public Uni<io.fdl.runtime.engine.RunQuota> checkExecutionQuota(UUID tenantId) {
        return quotas.checkExecutionStart(tenantId);
    }
}
