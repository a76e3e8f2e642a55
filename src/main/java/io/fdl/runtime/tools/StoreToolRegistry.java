package io.fdl.runtime.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.auth.TenantIds;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.store.Datasource;
import io.fdl.runtime.store.DatasourceRepository;
import io.fdl.runtime.store.ToolService;
import io.fdl.runtime.store.ToolServiceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The call path's view of the tool registrations: read through the store ports, secrets
 * decrypted, and cached briefly per (tenant, name) so a busy flow does not query the store on every
 * call. Writes through {@code ToolConfigService} evict at once on this replica; other replicas see a
 * change within the cache TTL ({@code fdl.tools.registry-cache-ms}, default 5 s).
 */
@ApplicationScoped
public class StoreToolRegistry implements ToolRegistry {

    private record Cached(Object value, long expiresAtNanos) {}

    private final ToolServiceRepository services;
    private final DatasourceRepository datasources;
    private final SecretCipher cipher;
    private final long ttlNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    public StoreToolRegistry(ToolServiceRepository services, DatasourceRepository datasources, SecretCipher cipher,
                             @ConfigProperty(name = "fdl.tools.registry-cache-ms", defaultValue = "5000") long ttlMs) {
        this.services = services;
        this.datasources = datasources;
        this.cipher = cipher;
        this.ttlNanos = ttlMs * 1_000_000L;
    }

    @Override
    public Uni<ApiServiceConfig> service(String tenantId, String name) {
        String key = "api\u0000" + tenantId + "\u0000" + name;
        Cached c = fresh(key);
        if (c != null) return Uni.createFrom().item((ApiServiceConfig) c.value());
        return services.find(tenant(tenantId), name)
                .map(found -> found.map(this::toConfig).orElse(null))
                .invoke(cfg -> put(key, cfg));
    }

    @Override
    public Uni<DatasourceConfig> datasource(String tenantId, String name) {
        String key = "db\u0000" + tenantId + "\u0000" + name;
        Cached c = fresh(key);
        if (c != null) return Uni.createFrom().item((DatasourceConfig) c.value());
        return datasources.find(tenant(tenantId), name)
                .map(found -> found.map(this::toConfig).orElse(null))
                .invoke(cfg -> put(key, cfg));
    }

    /** The cached service timeout, if known, without I/O (for {@code ToolInvoker.defaultTimeoutMs}). */
    public Long cachedTimeoutMs(String type, String tenantId, String name) {
        Cached c = fresh(("api".equals(type) ? "api" : "db") + "\u0000" + tenantId + "\u0000" + name);
        if (c == null || c.value() == null) return null;
        return c.value() instanceof ApiServiceConfig s ? s.timeoutMs() : ((DatasourceConfig) c.value()).timeoutMs();
    }

    /** Forgets a registration after it changed (create, update, delete). */
    public void evict(String kind, UUID tenantId, String name) {
        cache.remove(kind + "\u0000" + tenantId + "\u0000" + name);
    }

    private Cached fresh(String key) {
        Cached c = cache.get(key);
        if (c == null) return null;
        if (System.nanoTime() - c.expiresAtNanos() > 0) {
            cache.remove(key, c);
            return null;
        }
        return c;
    }

    private void put(String key, Object value) {
        if (ttlNanos > 0) cache.put(key, new Cached(value, System.nanoTime() + ttlNanos));
    }

    private static UUID tenant(String tenantId) {
        return UUID.fromString(TenantIds.toUuid(tenantId));
    }

    /** A stored service with its secret decrypted; TOOL_DISABLED when it cannot be decrypted. */
    public ApiServiceConfig toConfig(ToolService s) {
        ApiServiceConfig.AuthType type;
        try {
            type = ApiServiceConfig.AuthType.valueOf(s.authType() == null ? "NONE" : s.authType().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            type = ApiServiceConfig.AuthType.NONE;
        }
        Map<String, String> auth = new LinkedHashMap<>();
        try {
            texts(s.authConfig()).forEach((k, v) -> auth.put(k, cipher.decrypt(v)));
        } catch (IllegalStateException e) {
            throw new ToolException("TOOL_DISABLED", "credentials of API service '" + s.name() + "' cannot be decrypted");
        }
        return new ApiServiceConfig(s.name(), s.baseUrl(), type, auth, texts(s.defaultHeaders()),
                s.timeoutMs() > 0 ? s.timeoutMs() : ApiServiceConfig.DEFAULT_TIMEOUT_MS, s.enabled());
    }

    /** A stored datasource with its connection string decrypted. */
    public DatasourceConfig toConfig(Datasource d) {
        String cs;
        try {
            cs = cipher.decrypt(d.connectionString());
        } catch (IllegalStateException e) {
            throw new ToolException("TOOL_DISABLED", "credentials of datasource '" + d.name() + "' cannot be decrypted");
        }
        return new DatasourceConfig(d.name(), d.dbType(), cs, d.schema(), d.table(),
                d.poolSize() > 0 ? d.poolSize() : DatasourceConfig.DEFAULT_POOL_SIZE,
                d.timeoutMs() > 0 ? d.timeoutMs() : DatasourceConfig.DEFAULT_TIMEOUT_MS,
                d.readOnly(), d.allowNative(), d.enabled());
    }

    private static Map<String, String> texts(JsonNode o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o == null || !o.isObject()) return out;
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual()) out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }
}
