package io.fdl.runtime.auth;

import io.fdl.runtime.config.FdlConfig;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Dev mode only: a {@code /api/**} request that carries no {@code Authorization} header acts as
 * {@link DevCaller} (editor-json.md §6). It runs after the bearer-token mechanism (lowest
 * priority), so a request with a token still has it verified and a bad token stays 401. The
 * published-flow API ({@code /api/v1/**}) keeps its own API-key authentication. With dev mode off
 * this mechanism never produces an identity.
 */
@ApplicationScoped
public class DevAnonymousMechanism implements HttpAuthenticationMechanism {

    @Inject
    FdlConfig config;

    private SecurityIdentity identity;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!config.devMode() || context.request().getHeader("Authorization") != null) return Uni.createFrom().nullItem();
        String path = context.normalizedPath();
        if (!path.startsWith("/api/") || path.startsWith("/api/v1/")) return Uni.createFrom().nullItem();
        return Uni.createFrom().item(identity());
    }

    private SecurityIdentity identity() {
        SecurityIdentity i = identity;
        if (i == null) {
            i = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(DevCaller.USERNAME))
                    .addRoles(DevCaller.PRINCIPAL.roles())
                    .addAttribute(FdlIdentityAugmentor.PRINCIPAL_ATTRIBUTE, DevCaller.PRINCIPAL)
                    .build();
            identity = i;
        }
        return i;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem(); // never challenges: the bearer mechanism answers 401s
    }

    @Override
    public int getPriority() {
        return Integer.MIN_VALUE + 1;
    }
}
