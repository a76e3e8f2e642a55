package io.fdl.runtime.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a verified JWT identity into an FDL identity: refuses refresh tokens and tokens without
 * a tenant (401), adds the roles implied by the hierarchy (so {@code @RolesAllowed("viewer")}
 * admits an admin) and attaches the {@link AuthPrincipal} as attribute {@value #PRINCIPAL_ATTRIBUTE}.
 */
@ApplicationScoped
public class FdlIdentityAugmentor implements SecurityIdentityAugmentor {
    public static final String PRINCIPAL_ATTRIBUTE = "fdl.principal";

    @Inject
    TokenRevocation revocation;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        AuthPrincipal principal;
        try {
            principal = AuthPrincipal.fromToken(jwt);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage()));
        }
        // a revoked token (user deleted, disabled, roles or password changed) fails as 401
        return revocation.check(principal).map(p -> QuarkusSecurityIdentity.builder(identity)
                .addRoles(p.roles())
                .addAttribute(PRINCIPAL_ATTRIBUTE, p)
                .build());
    }
}
