package io.fdl.runtime.api;

import io.fdl.runtime.auth.AuthPrincipal;
import io.fdl.runtime.auth.CurrentUser;
import io.fdl.runtime.service.Caller;

import java.util.UUID;

/** Builds the services' {@link Caller} from the authenticated request (tenant always from the token). */
public final class Callers {
    private Callers() {}

    static Caller of(CurrentUser user) {
        return of(user.principal());
    }

    /** The caller of a verified token outside a request (WebSocket sessions). */
    public static Caller of(AuthPrincipal p) {
        return new Caller(UUID.fromString(p.tenantId()), p.tenantClaim(), p.buCode(), p.username(), p.roles());
    }

    /** A superadmin may act for the tenant named in a body (api.md §3.2); everyone else acts for their own. */
    static Caller of(CurrentUser user, String requestedTenant) {
        String tenant = user.tenantFor(requestedTenant);
        boolean other = !tenant.equals(user.tenantId());
        return new Caller(UUID.fromString(tenant), other ? requestedTenant.trim() : user.tenantClaim(),
                user.buCode(), user.username(), user.roles());
    }
}
