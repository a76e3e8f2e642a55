package io.fdl.runtime.auth;

import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.auth.LoginThrottle.LoginPolicy;
import io.fdl.runtime.config.FdlConfig;
import io.fdl.runtime.store.TenantRepository;
import io.fdl.runtime.store.User;
import io.fdl.runtime.store.UserRepository;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/auth/login} and {@code /api/auth/refresh} (api.md §3.1).
 *
 * <p>Dev mode: any credentials give a token for tenant {@code default} (and the requested business
 * unit) with role admin — never superadmin — flagged as a dev token in the response, the token and
 * the log. Asking for another tenant is 403 {@code DEV_LOGIN_TENANT}: dev mode must not let anyone
 * make themselves admin of a tenant of their choosing (other tenants need real accounts).
 *
 * <p>Dev mode off: the user is looked up in the requested tenant and the password checked with
 * bcrypt. Wrong credentials → 401 {@code INVALID_CREDENTIALS}, identical for unknown names and
 * wrong passwords (same message, same bcrypt cost). After {@value LoginPolicy#MAX_FAILURES}
 * consecutive failures the account is locked for 15 minutes: every attempt, even with the right
 * password, answers <b>429 {@code ACCOUNT_LOCKED}</b> with {@code Retry-After} (429 because it is
 * a limit the client must wait out, like every other 429 of the API; 401 would invite retries).
 * A success resets the counter. Every attempt is audited ({@code auth.login}/{@code auth.failed}).
 */
@ApplicationScoped
public class LoginService {
    private static final Logger LOG = Logger.getLogger(LoginService.class);

    @Inject
    FdlConfig config;
    @Inject
    TokenService tokens;
    @Inject
    UserRepository users;
    @Inject
    TenantRepository tenants;
    @Inject
    PasswordHasher hasher;
    @Inject
    LoginThrottle throttle;
    @Inject
    AuditService audit;
    @Inject
    BootstrapAdmin bootstrap;

    Clock clock = Clock.systemUTC();

    public record Credentials(String username, String password, String tenant, String buCode, String ip) {}

    public Uni<TokenService.TokenPair> login(Credentials c) {
        String tenantClaim = blankToNull(c.tenant()) == null ? TenantIds.DEFAULT_TENANT_NAME : c.tenant().trim();
        UUID tenantId = UUID.fromString(TenantIds.toUuid(tenantClaim));
        return config.devMode() ? devLogin(c, tenantClaim, tenantId) : storedLogin(c, tenantClaim, tenantId);
    }

    private Uni<TokenService.TokenPair> devLogin(Credentials c, String tenantClaim, UUID tenantId) {
        if (!TenantIds.DEFAULT_TENANT_ID.equals(tenantId.toString())) {
            return Uni.createFrom().failure(new ApiException(403, "DEV_LOGIN_TENANT",
                    "Dev mode logins are for tenant 'default' only; other tenants need an account (FDL_DEV_MODE=false)"));
        }
        String bu = blankToNull(c.buCode()) == null ? AuthPrincipal.DEFAULT_BU : c.buCode().trim();
        LOG.warnf("DEV MODE: issued a development token (role admin) for user '%s', tenant '%s' without checking "
                + "credentials; set FDL_DEV_MODE=false in production", safe(c.username()), safe(tenantClaim));
        TokenService.TokenPair pair = tokens.issue(c.username(), tenantClaim, bu, List.of(Roles.ADMIN), true);
        return audit.appendQuietly(tenantId, c.username(), AuditEvents.AUTH_LOGIN, "user", c.username(),
                Map.of("dev_token", true, "bu_code", bu), c.ip()).replaceWith(pair);
    }

    private Uni<TokenService.TokenPair> storedLogin(Credentials c, String tenantClaim, UUID tenantId) {
        Instant now = clock.instant();
        return bootstrap.ensure()
                .chain(() -> users.findByUsername(tenantId, c.username()))
                .chain(found -> {
                    if (found.isEmpty()) return unknownUser(c, tenantId, now);
                    User user = found.get();
                    if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
                        return failed(c, tenantId, "account_locked", locked(user.lockedUntil(), now));
                    }
                    return hasher.matches(c.password(), user.passwordHash()).chain(ok -> !ok
                            ? wrongPassword(c, tenantId, user, now)
                            // disabled by an admin: the same answer as wrong credentials, audited with the reason
                            : user.disabled() ? failed(c, tenantId, "user_disabled", invalid())
                            : succeeded(c, tenantClaim, tenantId, user));
                });
    }

    private Uni<TokenService.TokenPair> unknownUser(Credentials c, UUID tenantId, Instant now) {
        Instant lockedUntil = throttle.lockedUntil(tenantId.toString(), c.username(), now);
        if (lockedUntil != null) return failed(c, tenantId, "account_locked", locked(lockedUntil, now));
        // Same bcrypt cost as a real check, so response time does not reveal whether the name exists.
        return hasher.matches(c.password(), null).chain(ignored -> {
            Instant lock = throttle.recordFailure(tenantId.toString(), c.username(), now);
            return failed(c, tenantId, "invalid_credentials", lock != null ? locked(lock, now) : invalid());
        });
    }

    private Uni<TokenService.TokenPair> wrongPassword(Credentials c, UUID tenantId, User user, Instant now) {
        int failures = (user.lockedUntil() != null ? 0 : user.failedAttempts()) + 1;
        Instant lock = failures >= LoginPolicy.MAX_FAILURES ? now.plus(LoginPolicy.LOCK_DURATION) : null;
        User updated = user.withLoginState(lock != null ? 0 : failures, lock);
        if (lock != null) {
            LOG.warnf("login: user '%s' of tenant %s locked for %d minutes after %d failed attempts",
                    safe(user.username()), tenantId, LoginPolicy.LOCK_DURATION.toMinutes(), failures);
        }
        return users.update(updated)
                .chain(() -> failed(c, tenantId, lock != null ? "locked_now" : "invalid_credentials",
                        lock != null ? locked(lock, now) : invalid()));
    }

    private Uni<TokenService.TokenPair> succeeded(Credentials c, String tenantClaim, UUID tenantId, User user) {
        return tenants.find(tenantId).chain(t -> {
            if (t.isPresent() && !t.get().active()) {
                return failed(c, tenantId, "tenant_inactive",
                        new ApiException(403, "TENANT_INACTIVE", "Tenant is deactivated"));
            }
            Uni<?> reset = user.failedAttempts() == 0 && user.lockedUntil() == null
                    ? Uni.createFrom().voidItem()
                    : users.update(user.withLoginState(0, null));
            String bu = blankToNull(user.buCode()) == null ? AuthPrincipal.DEFAULT_BU : user.buCode();
            TokenService.TokenPair pair = tokens.issueFor(user, tenantClaim, bu);
            return reset.chain(() -> audit.appendQuietly(tenantId, user.username(), AuditEvents.AUTH_LOGIN, "user",
                    user.id().toString(), Map.of("bu_code", bu), c.ip())).replaceWith(pair);
        });
    }

    private Uni<TokenService.TokenPair> failed(Credentials c, UUID tenantId, String reason, ApiException error) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", c.username());
        details.put("reason", reason);
        return audit.appendQuietly(tenantId, null, AuditEvents.AUTH_FAILED, "user", null, details, c.ip())
                .chain(() -> Uni.createFrom().failure(error));
    }

    /** {@code /api/auth/refresh}: a new pair from a valid refresh token; 401 otherwise. */
    public Uni<TokenService.TokenPair> refresh(String refreshToken) {
        TokenService.RefreshClaims claims;
        try {
            claims = tokens.readRefreshToken(refreshToken);
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(new ApiException(401, "INVALID_REFRESH_TOKEN",
                    "Invalid or expired refresh token"));
        }
        if (config.devMode()) {
            // Dev mode trusts its own tokens: re-issue the roles the refresh token was granted, but
            // never superadmin (a dev-mode process must not mint one, whatever it is given).
            List<String> roles = claims.grantedRoles().stream().filter(r -> !Roles.SUPERADMIN.equals(r)).toList();
            if (roles.isEmpty()) roles = List.of(Roles.ADMIN);
            return Uni.createFrom().item(tokens.issue(claims.subject(), claims.tenantClaim(), claims.buCode(), roles,
                    true));
        }
        if (claims.dev()) {
            return Uni.createFrom().failure(new ApiException(401, "INVALID_REFRESH_TOKEN",
                    "Development tokens are not accepted when dev mode is off"));
        }
        // Production: the user must still exist and not be locked; its current roles are issued, so
        // removing a user or a role takes effect at the next refresh at the latest.
        UUID tenantId = UUID.fromString(TenantIds.toUuid(claims.tenantClaim()));
        Instant now = clock.instant();
        return users.findByUsername(tenantId, claims.subject()).chain(found -> {
            if (found.isEmpty() || found.get().disabled()
                    || (found.get().lockedUntil() != null && found.get().lockedUntil().isAfter(now))) {
                return Uni.createFrom().failure(new ApiException(401, "INVALID_REFRESH_TOKEN",
                        "Invalid or expired refresh token"));
            }
            User user = found.get();
            return tenants.find(tenantId).map(t -> {
                if (t.isPresent() && !t.get().active()) {
                    throw new ApiException(403, "TENANT_INACTIVE", "Tenant is deactivated");
                }
                String bu = blankToNull(user.buCode()) == null ? AuthPrincipal.DEFAULT_BU : user.buCode();
                return tokens.issueFor(user, claims.tenantClaim(), bu);
            });
        });
    }

    static ApiException invalid() {
        return new ApiException(401, "INVALID_CREDENTIALS", "Invalid username or password");
    }

    static ApiException locked(Instant until, Instant now) {
        long seconds = Math.max(1, Duration.between(now, until).getSeconds());
        return new ApiException(429, "ACCOUNT_LOCKED",
                "Too many failed login attempts; try again in " + ((seconds + 59) / 60) + " minute(s)")
                .with(ApiException.RETRY_AFTER, seconds);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Log-safe rendering of user input (no line breaks, bounded). */
    static String safe(String s) {
        if (s == null) return "";
        String t = s.replaceAll("[\\r\\n\\t]", "_");
        return t.length() > 64 ? t.substring(0, 64) + "…" : t;
    }
}
