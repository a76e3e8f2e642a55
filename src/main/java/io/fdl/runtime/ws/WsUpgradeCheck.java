package io.fdl.runtime.ws;

import io.fdl.runtime.auth.AuthPrincipal;
import io.fdl.runtime.auth.DevCaller;
import io.fdl.runtime.config.FdlConfig;
import io.fdl.runtime.auth.TokenRevocation;
import io.fdl.runtime.auth.TokenVerifier;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Authenticates the upgrade of {@code /ws} when it carries credentials (api.md §6.1):
 * {@code Authorization: Bearer} or {@code ?token=} (browsers cannot set headers). A present but
 * invalid token is refused with 401 before the upgrade; no token at all is allowed, and the
 * connection must then authenticate with a first {@code auth} call — except in dev mode, where it
 * is the {@link DevCaller} (admin of tenant {@code default}) from the start.
 */
@ApplicationScoped
public class WsUpgradeCheck implements HttpUpgradeCheck {
    static final UserData.TypedKey<AuthPrincipal> PRINCIPAL = new UserData.TypedKey<>("fdl.principal");
    static final UserData.TypedKey<String> ADDRESS = new UserData.TypedKey<>("fdl.address");

    @Inject
    TokenVerifier tokens;
    @Inject
    FdlConfig config;
    @Inject
    TokenRevocation revocation;

    @Override
    public boolean appliesTo(String endpointId) {
        return endpointId.equals(ExecutionSocket.class.getName());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        var remote = context.httpRequest().remoteAddress();
        context.userData().put(ADDRESS, remote == null ? "unknown" : remote.hostAddress());
        String header = context.httpRequest().getHeader("Authorization");
        String token = header != null && !header.isBlank() ? header : context.httpRequest().getParam("token");
        if (token == null || token.isBlank()) {
            // dev mode: a connection without credentials is the dev caller, like a REST request
            if (config.devMode()) context.userData().put(PRINCIPAL, DevCaller.PRINCIPAL);
            return CheckResult.permitUpgrade();
        }
        AuthPrincipal principal;
        try {
            principal = tokens.verifyAccessToken(token);
        } catch (RuntimeException e) {
            return CheckResult.rejectUpgrade(401);
        }
        return revocation.check(principal).chain(p -> {
            context.userData().put(PRINCIPAL, p);
            return CheckResult.permitUpgrade();
        }).onFailure().recoverWithUni(e -> CheckResult.rejectUpgrade(401));
    }
}
