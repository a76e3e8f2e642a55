package io.fdl.runtime.auth;

import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.store.ApiKey;
import io.fdl.runtime.store.ApiKeyRepository;
import io.fdl.runtime.store.Flow;
import io.fdl.runtime.store.FlowRepository;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.TenantRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * API keys of the published-flow API (api.md §7): creation (shown once), listing, deletion, and
 * the validation of {@code /api/v1/**} requests with the spec's exact error codes.
 *
 * <p>A key is {@code fk_<first 8 chars of the flow id>_<32 hex>} (128 random bits from
 * {@link SecureRandom}); only its SHA-256 (hex) and its first {@value #PREFIX_LENGTH} characters are
 * stored. A fast hash is right here: the secret part is random and long, so it cannot be guessed
 * from the hash, and lookup by hash needs no per-request bcrypt.
 */
@ApplicationScoped
public class ApiKeyService {

    public static final int PREFIX_LENGTH = 16;
    public static final int DEFAULT_RATE_LIMIT = 100;
    public static final int MAX_RATE_LIMIT = 100_000;
    public static final int MAX_EXPIRES_IN_DAYS = 3650;
    static final Pattern KEY_FORMAT = Pattern.compile("fk_[0-9a-f]{8}_[0-9a-f]{32}");

    @Inject
    ApiKeyRepository keys;
    @Inject
    FlowRepository flows;
    @Inject
    TenantRepository tenants;
    @Inject
    AuditService audit;
    @Inject
    ApiKeyRateLimiter rateLimiter;
    @Inject
    ApiKeyUsage usage;

    Clock clock = Clock.systemUTC();
    // per instance, not static: a static SecureRandom would be seeded at native-image build time and land in the image heap
    private final SecureRandom random = new SecureRandom();

    public record NewKey(String name, String description, Integer rateLimit, Integer expiresInDays) {}

    /** A freshly created key: the stored record and the full key, which is never available again. */
    public record CreatedKey(ApiKey key, String plaintext) {}

    /** A validated {@code /api/v1} caller: its key, the key's (published) flow and the principal to run as. */
    public record ApiKeyCaller(ApiKey key, Flow flow, AuthPrincipal principal) {}

    public Uni<CreatedKey> create(UUID tenantId, UUID flowId, NewKey req) {
        String name = TenantService.requireText("name", req.name(), TenantService.MAX_TEXT);
        String description = TenantService.optionalText("description", req.description(), TenantService.MAX_DESCRIPTION);
        int rateLimit = req.rateLimit() == null ? DEFAULT_RATE_LIMIT : req.rateLimit();
        if (rateLimit < 1 || rateLimit > MAX_RATE_LIMIT) {
            throw ApiException.badRequest("INVALID_REQUEST", "rate_limit must be between 1 and " + MAX_RATE_LIMIT);
        }
        Integer days = req.expiresInDays();
        if (days != null && (days < 1 || days > MAX_EXPIRES_IN_DAYS)) {
            throw ApiException.badRequest("INVALID_REQUEST", "expires_in_days must be between 1 and " + MAX_EXPIRES_IN_DAYS);
        }
        return requireFlow(tenantId, flowId).chain(flow -> {
            if (!flow.published()) {
                return Uni.createFrom().failure(ApiException.badRequest("FLOW_NOT_PUBLISHED",
                        "API keys can only be created for a published flow"));
            }
            String plaintext = "fk_" + flowId.toString().substring(0, 8) + "_" + randomHex(16);
            Instant expires = days == null ? null : clock.instant().plus(Duration.ofDays(days));
            ApiKey key = new ApiKey(UUID.randomUUID(), tenantId, flowId, name, description,
                    plaintext.substring(0, PREFIX_LENGTH), sha256(plaintext), rateLimit, true, expires, null, null);
            return audit.withAudit(() -> keys.create(key), created -> {
                        Map<String, Object> d = new LinkedHashMap<>();
                        d.put("flow_id", flowId.toString());
                        d.put("name", name);
                        d.put("key_prefix", created.keyPrefix());
                        d.put("rate_limit", rateLimit);
                        return AuditService.Record.of(AuditEvents.APIKEY_CREATE, "api_key", created.id(), d).in(tenantId);
                    })
                    .onFailure(StoreConflictException.class)
                    .transform(e -> ApiException.notFound("Flow not found")) // deleted concurrently
                    .map(created -> new CreatedKey(created, plaintext));
        });
    }

    public Uni<List<ApiKey>> list(UUID tenantId, UUID flowId) {
        return requireFlow(tenantId, flowId).chain(f -> keys.listByFlow(tenantId, flowId))
                .map(list -> list.stream().map(usage::current).toList());
    }

    public Uni<Void> delete(UUID tenantId, UUID flowId, UUID keyId) {
        return requireFlow(tenantId, flowId)
                .chain(f -> audit.withAudit(() -> keys.delete(tenantId, flowId, keyId).invoke(deleted -> {
                    if (!deleted) throw ApiException.notFound("API key not found");
                }), d -> AuditService.Record.of(AuditEvents.APIKEY_DELETE, "api_key", keyId,
                        Map.of("flow_id", flowId.toString())).in(tenantId)))
                .invoke(() -> {
                    rateLimiter.forget(keyId);
                    usage.forget(keyId);
                })
                .replaceWithVoid();
    }

    /**
     * Validates an {@code /api/v1} request. Checks, in order: a key is present (401
     * {@code missing_api_key}), well-formed and known (401 {@code invalid_api_key}), active (403
     * {@code key_inactive}), not expired (403 {@code key_expired}), within its per-minute budget (429
     * {@code rate_limited} + Retry-After; every authenticated request counts, so a key cannot hammer
     * the store through failing requests), bound to the flow of the path (403 {@code flow_mismatch}),
     * the flow exists (404 {@code flow_not_found}) and is published (403 {@code flow_not_published}).
     * On success the use is counted ({@link ApiKeyUsage}: {@code usage_count}, {@code last_used_at}).
     *
     * @param authorization the {@code Authorization} header ({@code Bearer fk_…}), may be null
     * @param xApiKey       the {@code X-API-Key} header, may be null; preferred when both are given
     */
    public Uni<ApiKeyCaller> authenticate(String authorization, String xApiKey, String pathFlowId) {
        String presented = presentedKey(authorization, xApiKey);
        if (presented == null) return fail(401, "missing_api_key", "An API key is required (Authorization: Bearer fk_… or X-API-Key)");
        if (!KEY_FORMAT.matcher(presented).matches()) return fail(401, "invalid_api_key", "Invalid API key");
        Instant now = clock.instant();
        return keys.findByHash(sha256(presented)).chain(found -> {
            if (found.isEmpty()) return fail(401, "invalid_api_key", "Invalid API key");
            ApiKey key = found.get();
            if (!key.active()) return fail(403, "key_inactive", "API key is inactive");
            if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) return fail(403, "key_expired", "API key has expired");
            long retryAfter = rateLimiter.tryAcquire(key.id(), key.rateLimit());
            if (retryAfter > 0) {
                return Uni.createFrom().failure(ApiException.tooManyRequests("rate_limited",
                        "Rate limit of " + key.rateLimit() + " requests per minute exceeded", retryAfter));
            }
            if (!key.flowId().toString().equalsIgnoreCase(pathFlowId == null ? "" : pathFlowId.trim())) {
                return fail(403, "flow_mismatch", "This API key belongs to another flow");
            }
            return flows.find(key.tenantId(), key.flowId()).chain(flow -> {
                if (flow.isEmpty()) return fail(404, "flow_not_found", "Flow not found");
                if (!flow.get().published() || flow.get().publishedVersionId() == null) {
                    return fail(403, "flow_not_published", "Flow is not published");
                }
                return tenants.find(key.tenantId()).chain(tenant -> {
                    String bu = tenant.map(t -> t.buCode()).filter(b -> b != null && !b.isBlank())
                            .orElse(AuthPrincipal.DEFAULT_BU);
                    AuthPrincipal principal = new AuthPrincipal("apikey:" + key.id(), key.tenantId().toString(),
                            key.tenantId().toString(), bu, Roles.expand(Set.of(Roles.EXECUTOR)));
                    usage.record(key, now);
                    return Uni.createFrom().item(new ApiKeyCaller(key, flow.get(), principal));
                });
            });
        });
    }

    /** The key from {@code X-API-Key} or {@code Authorization: Bearer}, or null when neither is given. */
    static String presentedKey(String authorization, String xApiKey) {
        if (xApiKey != null && !xApiKey.isBlank()) return xApiKey.trim();
        if (authorization == null || authorization.isBlank()) return null;
        String a = authorization.trim();
        if (a.length() > 7 && a.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) return a.substring(7).trim();
        return a; // some clients send the bare key; it is validated like any other
    }

    private Uni<Flow> requireFlow(UUID tenantId, UUID flowId) {
        return flows.find(tenantId, flowId).map(f -> f.orElseThrow(() -> ApiException.notFound("Flow not found")));
    }

    private static <T> Uni<T> fail(int status, String code, String message) {
        return Uni.createFrom().failure(new ApiException(status, code, message));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
