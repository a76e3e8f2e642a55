package io.fdl.runtime.tools.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.auth.AuditEvents;
import io.fdl.runtime.auth.AuditService;
import io.fdl.runtime.auth.CurrentUser;
import io.fdl.runtime.store.Transactions;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.store.Datasource;
import io.fdl.runtime.store.DatasourceRepository;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.ToolService;
import io.fdl.runtime.store.ToolServiceRepository;
import io.fdl.runtime.tools.ConnectionStrings;
import io.fdl.runtime.tools.SecretCipher;
import io.fdl.runtime.tools.StoreToolRegistry;
import io.fdl.runtime.tools.db.DatasourcePools;
import io.fdl.runtime.tools.http.HttpRequestSpec;
import io.fdl.runtime.tools.http.HttpToolHandler;
import io.fdl.runtime.tools.http.HttpRequestBuilder;
import io.fdl.runtime.engine.port.CancellationSignal;
import io.fdl.runtime.engine.port.ToolCall;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tool configuration (api.md §8): validation, encryption of credentials before they reach the
 * store, masking on every read, audit ({@code tool.config_change}, never with secrets), and
 * eviction of the call path's caches and pools when a registration changes.
 */
@ApplicationScoped
public class ToolConfigService {
    static final String MASK = ConnectionStrings.MASK;
    private static final long TEST_TIMEOUT_MS = 10_000;

    private final ToolServiceRepository services;
    private final DatasourceRepository datasources;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final StoreToolRegistry registry;
    private final DatasourcePools pools;
    private final HttpToolHandler http;
    private final Transactions transactions;
    private final CurrentUser currentUser;

    @Inject
    public ToolConfigService(ToolServiceRepository services, DatasourceRepository datasources, SecretCipher cipher,
                             AuditService audit, StoreToolRegistry registry, DatasourcePools pools, HttpToolHandler http,
                             Transactions transactions, CurrentUser currentUser) {
        this.services = services;
        this.datasources = datasources;
        this.cipher = cipher;
        this.audit = audit;
        this.registry = registry;
        this.pools = pools;
        this.http = http;
        this.transactions = transactions;
        this.currentUser = currentUser;
    }

    /**
     * Runs a change and its {@code tool.config_change} entry in one transaction. The actor and the
     * client address are read here, on the request, because the store's transaction may continue
     * where the request context is not active.
     */
    private <T> Uni<T> audited(UUID tenant, Actor actor, Supplier<Uni<T>> work, Function<T, AuditService.Record> describe) {
        return transactions.inTransaction(() -> work.get().call(result -> {
            AuditService.Record r = describe.apply(result);
            return r == null ? Uni.createFrom().voidItem()
                    : audit.append(tenant, actor.name(), r.eventType(), r.resourceType(), r.resourceId(), r.details(), actor.ip());
        }));
    }

    private record Actor(String name, String ip) {}

    private Actor actor() {
        return new Actor(currentUser.username(), audit.clientIp());
    }

    // ---- API services ---------------------------------------------------------------------

    public Uni<List<ToolServiceView>> listServices(UUID tenant) {
        return services.list(tenant).map(list -> list.stream().map(this::view).toList());
    }

    public Uni<ToolServiceView> getService(UUID tenant, String name) {
        return findService(tenant, name).map(this::view);
    }

    public Uni<ToolServiceView> createService(UUID tenant, JsonNode json) {
        Actor actor = actor();
        ObjectNode b = ToolConfigValidator.body(json);
        String name = ToolConfigValidator.name(b.get("name"));
        ToolService s = serviceFrom(tenant, name, b, null);
        return audited(tenant, actor, () -> services.create(s), r -> change("create", "service", name))
                .onFailure(StoreConflictException.class).transform(e -> conflict("API service", name))
                .invoke(r -> registry.evict("api", tenant, name))
                .map(this::view);
    }

    public Uni<ToolServiceView> updateService(UUID tenant, String name, JsonNode json) {
        Actor actor = actor();
        ObjectNode b = ToolConfigValidator.body(json);
        checkSameName(b, name);
        return findService(tenant, name).chain(current -> {
            ToolService s = serviceFrom(tenant, name, b, current);
            return audited(tenant, actor, () -> services.update(s), r -> change("update", "service", name));
        }).map(updated -> updated.orElseThrow(() -> notFound("API service", name)))
                .invoke(r -> registry.evict("api", tenant, name))
                .map(this::view);
    }

    public Uni<String> deleteService(UUID tenant, String name) {
        Actor actor = actor();
        return audited(tenant, actor, () -> services.delete(tenant, name), deleted -> deleted ? change("delete", "service", name) : null)
                .map(deleted -> {
                    if (!deleted) throw notFound("API service", name);
                    registry.evict("api", tenant, name);
                    return name;
                });
    }

    /** Reachable = any HTTP answer from the base URL (even 404): the host, TLS and credentials path work. */
    public Uni<ToolTestResult> testService(UUID tenant, String name, String buCode) {
        return findService(tenant, name).chain(s -> {
            HttpRequestSpec spec;
            try {
                // the same request building as a flow's GET on the bare base URL, without an idempotency key
                ToolCall probe = new ToolCall("api://" + name, "api", name, "", "GET", JsonNodeFactory.instance.objectNode(),
                        TEST_TIMEOUT_MS, 1, null, new ToolCall.Caller(tenant.toString(), buCode, null, null, 0, CancellationSignal.NONE));
                spec = HttpRequestBuilder.build(registry.toConfig(s), probe);
            } catch (RuntimeException e) {
                return Uni.createFrom().item(new ToolTestResult(name, false, 0, null, "BAD_ARGS", e.getMessage()));
            }
            long start = System.nanoTime();
            long timeout = Math.min(TEST_TIMEOUT_MS, s.timeoutMs() > 0 ? s.timeoutMs() : TEST_TIMEOUT_MS);
            return http.exchange(spec, timeout)
                    .map(r -> new ToolTestResult(name, true, millisSince(start), 200, null, null))
                    .onFailure(ToolException.class).recoverWithItem(e -> {
                        ToolException te = (ToolException) e;
                        long ms = millisSince(start);
                        if (te.code().startsWith("HTTP_")) {
                            return new ToolTestResult(name, true, ms, Integer.parseInt(te.code().substring(5)), null, null);
                        }
                        return new ToolTestResult(name, te.code().equals("INVALID_RESPONSE"), ms, null, te.code(), te.getMessage());
                    });
        });
    }

    private Uni<ToolService> findService(UUID tenant, String name) {
        return services.find(tenant, name).map(found -> found.orElseThrow(() -> notFound("API service", name)));
    }

    private ToolService serviceFrom(UUID tenant, String name, ObjectNode b, ToolService current) {
        String authType = ToolConfigValidator.authType(b, current == null ? null : current.authType());
        boolean typeChanged = current != null && !authType.equals(current.authType());
        JsonNode authInput = b.has("auth_config") ? b.get("auth_config")
                : current != null && !typeChanged ? masked(current.authType(), current.authConfig()) : null;
        ObjectNode authConfig = ToolConfigValidator.authConfig(authType, authInput);
        String secretField = ToolConfigValidator.SECRET_FIELD.get(authType);
        if (secretField != null) {
            String submitted = authConfig.get(secretField).textValue();
            if (submitted.equals(MASK)) {
                // "****" means: keep the stored secret (a client sent back what it read)
                JsonNode stored = current == null || typeChanged || current.authConfig() == null ? null : current.authConfig().get(secretField);
                if (stored == null || !stored.isTextual()) {
                    throw ToolConfigValidator.invalid("auth_config." + secretField + " is required for auth_type " + authType);
                }
                authConfig.put(secretField, stored.textValue());
            } else {
                authConfig.put(secretField, cipher.encrypt(submitted));
            }
        }
        JsonNode headers = b.has("default_headers") ? ToolConfigValidator.headers(b.get("default_headers"))
                : current != null ? current.defaultHeaders() : ToolConfigValidator.headers(null);
        return new ToolService(tenant, name,
                ToolConfigValidator.text(b, "display_name", current == null ? null : current.displayName(), 200),
                ToolConfigValidator.text(b, "description", current == null ? null : current.description(), 2_000),
                ToolConfigValidator.baseUrl(b, current == null ? null : current.baseUrl()),
                authType, authConfig, headers,
                ToolConfigValidator.integer(b, "timeout_ms", current == null ? 30_000 : current.timeoutMs(), 1, ToolConfigValidator.MAX_TIMEOUT_MS),
                ToolConfigValidator.bool(b, "enabled", current == null || current.enabled()),
                null, null);
    }

    ToolServiceView view(ToolService s) {
        return new ToolServiceView(s.name(), s.displayName(), s.description(), s.baseUrl(), s.authType(),
                masked(s.authType(), s.authConfig()),
                s.defaultHeaders() != null && s.defaultHeaders().isObject() ? ((ObjectNode) s.defaultHeaders()).deepCopy() : JsonNodeFactory.instance.objectNode(),
                s.timeoutMs(), s.enabled(), s.createdAt(), s.updatedAt());
    }

    /** auth_config as clients may see it: the secret field replaced by "****". */
    private static ObjectNode masked(String authType, JsonNode authConfig) {
        ObjectNode out = authConfig != null && authConfig.isObject() ? ((ObjectNode) authConfig).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (String secret : ToolConfigValidator.SECRET_FIELD.values()) {
            if (out.has(secret)) out.put(secret, MASK);
        }
        return out;
    }

    // ---- datasources ----------------------------------------------------------------------

    public Uni<List<DatasourceView>> listDatasources(UUID tenant) {
        return datasources.list(tenant).map(list -> list.stream().map(this::view).toList());
    }

    public Uni<DatasourceView> getDatasource(UUID tenant, String name) {
        return findDatasource(tenant, name).map(this::view);
    }

    public Uni<DatasourceView> createDatasource(UUID tenant, JsonNode json) {
        Actor actor = actor();
        ObjectNode b = ToolConfigValidator.body(json);
        String name = ToolConfigValidator.name(b.get("name"));
        Datasource d = datasourceFrom(tenant, name, b, null);
        return audited(tenant, actor, () -> datasources.create(d), r -> change("create", "datasource", name))
                .onFailure(StoreConflictException.class).transform(e -> conflict("Datasource", name))
                .invoke(r -> forgetDatasource(tenant, name))
                .map(this::view);
    }

    public Uni<DatasourceView> updateDatasource(UUID tenant, String name, JsonNode json) {
        Actor actor = actor();
        ObjectNode b = ToolConfigValidator.body(json);
        checkSameName(b, name);
        return findDatasource(tenant, name).chain(current -> {
            Datasource d = datasourceFrom(tenant, name, b, current);
            return audited(tenant, actor, () -> datasources.update(d), r -> change("update", "datasource", name));
        }).map(updated -> updated.orElseThrow(() -> notFound("Datasource", name)))
                .invoke(r -> forgetDatasource(tenant, name))
                .map(this::view);
    }

    public Uni<String> deleteDatasource(UUID tenant, String name) {
        Actor actor = actor();
        return audited(tenant, actor, () -> datasources.delete(tenant, name), deleted -> deleted ? change("delete", "datasource", name) : null)
                .map(deleted -> {
                    if (!deleted) throw notFound("Datasource", name);
                    forgetDatasource(tenant, name);
                    return name;
                });
    }

    /** Opens a fresh pool and runs {@code SELECT 1} (and checks the default table when one is set). */
    public Uni<ToolTestResult> testDatasource(UUID tenant, String name) {
        return findDatasource(tenant, name).chain(d -> {
            forgetDatasource(tenant, name);
            long start = System.nanoTime();
            if (!"postgresql".equals(d.dbType())) {
                return Uni.createFrom().item(new ToolTestResult(name, false, 0, null, "NOT_FOUND_TOOL", "db_type " + d.dbType() + " is not supported"));
            }
            io.fdl.runtime.tools.DatasourceConfig cfg = registry.toConfig(d);
            String schema = d.schema() == null ? "public" : d.schema();
            Uni<?> probe = Uni.createFrom().item(() -> pools.get(tenant.toString(), cfg))
                    .chain(entry -> d.table() == null
                            ? entry.pool().query("SELECT 1").execute().replaceWithVoid()
                            : entry.table(schema, d.table()).replaceWithVoid());
            return probe
                    .ifNoItem().after(Duration.ofMillis(Math.min(TEST_TIMEOUT_MS, Math.max(1_000, cfg.timeoutMs()))))
                    .failWith(() -> new ToolException("TIMEOUT", "no answer from the database"))
                    .map(x -> new ToolTestResult(name, true, millisSince(start), null, null, null))
                    .onFailure().recoverWithItem(e -> {
                        ToolException te = e instanceof ToolException t ? t : new ToolException("CONNECTION_ERROR", "database connection failed");
                        return new ToolTestResult(name, false, millisSince(start), null, te.code(), te.getMessage());
                    });
        });
    }

    private Uni<Datasource> findDatasource(UUID tenant, String name) {
        return datasources.find(tenant, name).map(found -> found.orElseThrow(() -> notFound("Datasource", name)));
    }

    private Datasource datasourceFrom(UUID tenant, String name, ObjectNode b, Datasource current) {
        String dbType = ToolConfigValidator.dbType(b, current == null ? null : current.dbType());
        String storedCs = current == null ? null : cipher.decrypt(current.connectionString());
        String cs = b.has("connection_string") ? ToolConfigValidator.text(b, "connection_string", null, 4_000) : storedCs;
        if (cs != null && storedCs != null) cs = ConnectionStrings.unmask(cs, storedCs);
        if (cs != null && cs.contains(MASK) && storedCs == null) throw ToolConfigValidator.invalid("connection_string: the password is required");
        ToolConfigValidator.connectionString(dbType, cs);
        String schema = ToolConfigValidator.identifier(b, "schema", current == null ? "public" : current.schema());
        return new Datasource(tenant, name,
                ToolConfigValidator.text(b, "display_name", current == null ? null : current.displayName(), 200),
                dbType, cipher.encrypt(cs.trim()),
                schema == null ? "public" : schema,
                ToolConfigValidator.identifier(b, "table", current == null ? null : current.table()),
                ToolConfigValidator.integer(b, "pool_size", current == null ? 10 : current.poolSize(), 1, 100),
                ToolConfigValidator.integer(b, "timeout_ms", current == null ? 5_000 : current.timeoutMs(), 1, ToolConfigValidator.MAX_TIMEOUT_MS),
                ToolConfigValidator.bool(b, "read_only", current != null && current.readOnly()),
                ToolConfigValidator.bool(b, "allow_native", current != null && current.allowNative()),
                ToolConfigValidator.bool(b, "enabled", current == null || current.enabled()),
                null, null);
    }

    DatasourceView view(Datasource d) {
        String cs;
        try {
            cs = ConnectionStrings.mask(cipher.decrypt(d.connectionString()));
        } catch (IllegalStateException e) {
            cs = MASK; // undecryptable: show nothing of it
        }
        return new DatasourceView(d.name(), d.displayName(), d.dbType(), cs, d.schema(), d.table(), d.poolSize(),
                d.timeoutMs(), d.readOnly(), d.allowNative(), d.enabled(), d.createdAt(), d.updatedAt());
    }

    private void forgetDatasource(UUID tenant, String name) {
        registry.evict("db", tenant, name);
        pools.invalidate(tenant.toString(), name);
    }

    // ---- helpers --------------------------------------------------------------------------

    private static void checkSameName(ObjectNode b, String name) {
        JsonNode n = b.get("name");
        if (n != null && !n.isNull() && !(n.isTextual() && n.textValue().equals(name))) {
            throw ToolConfigValidator.invalid("name cannot be changed (delete and create instead)");
        }
    }

    private static AuditService.Record change(String action, String kind, String name) {
        return AuditService.Record.of(AuditEvents.TOOL_CONFIG_CHANGE, kind.equals("service") ? "tool_service" : "datasource", name,
                Map.of("action", action, "kind", kind, "name", name));
    }

    private static ApiException notFound(String what, String name) {
        return ApiException.notFound(what + " '" + name + "' not found");
    }

    private static ApiException conflict(String what, String name) {
        return ApiException.conflict("ALREADY_EXISTS", what + " '" + name + "' already exists");
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
