package io.fdl.runtime.api.admin;

import io.fdl.runtime.api.admin.AdminDtos.AuditList;
import io.fdl.runtime.api.admin.AdminDtos.AuditView;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.auth.AuditService;
import io.fdl.runtime.auth.CurrentUser;
import io.fdl.runtime.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;
import java.util.regex.Pattern;

/** The tenant's audit log (api.md §9), admin only; newest first. */
@Path("/api/audit")
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z_]{1,50}(\\.[a-z_]{1,50}){0,3}");

    @Inject
    AuditService audit;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "List audit entries", description = "Audited: auth.login, auth.failed, flow.create|update|delete, "
            + "version.create|delete, flow.publish|unpublish, execution.start|fail|cancel, apikey.create|delete, "
            + "tool.config_change, tenant.access_denied, tenant.create|update|delete, user.create|delete")
    public Uni<AuditList> list(@Parameter(description = "exact event type, e.g. auth.failed") @QueryParam("event_type") String eventType,
                               @Parameter(description = "1..500, default 50") @QueryParam("limit") String limit,
                               @QueryParam("offset") String offset,
                               @Parameter(description = "superadmin only") @QueryParam("tenant_id") String tenant) {
        int l = Params.intParam("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int o = Params.intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
        String type = eventType == null || eventType.isBlank() ? null : eventType.trim();
        if (type != null && !EVENT_TYPE.matcher(type).matches()) {
            throw ApiException.badRequest("INVALID_REQUEST", "event_type must look like 'flow.create'");
        }
        return audit.list(UUID.fromString(user.tenantFor(tenant)), type, l, o)
                .map(p -> new AuditList(p.items().stream().map(AuditView::of).toList(), p.total(), l, o));
    }
}
