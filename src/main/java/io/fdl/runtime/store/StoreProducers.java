package io.fdl.runtime.store;

import io.fdl.runtime.store.memory.MemoryStore;
import io.fdl.runtime.store.postgres.PostgresStore;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Chooses the storage adapter once, at start, from {@code fdl.use-database} (FDL_USE_DATABASE):
 * a runtime property, so the same build runs either way. With the database off, nothing here
 * touches the datasource, the pool or Hibernate (they are inactive and must not be resolved):
 * the pool is looked up lazily through {@link Instance} only in database mode.
 *
 * <p>Inject the ports: {@code @Inject FlowRepository flows;} … and {@link StoreKind}.
 */
@ApplicationScoped
public class StoreProducers {
    private static final Logger LOG = Logger.getLogger(StoreProducers.class);

    @ConfigProperty(name = "fdl.use-database", defaultValue = "false")
    boolean useDatabase;

    /** FDL_DB_TIMEOUT: bound on every store operation (a dead database fails fast, never hangs). */
    @ConfigProperty(name = "fdl.store.timeout", defaultValue = "30s")
    Duration timeout;

    /** FDL_MEMORY_MAX_EXECUTIONS: finished executions (with their events) the memory store keeps. */
    @ConfigProperty(name = "fdl.memory-max-executions", defaultValue = "" + MemoryStore.DEFAULT_MAX_EXECUTIONS)
    int memoryMaxExecutions;

    @Inject
    Vertx vertx;

    @Inject
    Instance<Pool> pool;

    private volatile Adapters adapters;

    /** The chosen adapter's repositories, built on first use. */
    private record Adapters(StoreKind kind, TenantRepository tenants, UserRepository users, FlowRepository flows,
                            FlowVersionRepository versions, ExecutionRepository executions,
                            ExecutionEventRepository events, AuditLogRepository audit, ApiKeyRepository apiKeys,
                            ToolServiceRepository toolServices, DatasourceRepository datasources,
                            Transactions transactions, RunLedger ledger) {
    }

    private Adapters adapters() {
        Adapters a = adapters;
        if (a == null) {
            synchronized (this) {
                a = adapters;
                if (a == null) adapters = a = build();
            }
        }
        return a;
    }

    private Adapters build() {
        if (useDatabase) {
            LOG.info("storage: PostgreSQL");
            PostgresStore s = new PostgresStore(vertx, pool.get(), timeout);
            return new Adapters(StoreKind.POSTGRES, s.tenants(), s.users(), s.flows(), s.versions(), s.executions(),
                    s.events(), s.audit(), s.apiKeys(), s.toolServices(), s.datasources(), s.transactions(), s.ledger());
        }
        LOG.info("storage: in memory (FDL_USE_DATABASE is off; data is lost on restart)");
        MemoryStore s = new MemoryStore(memoryMaxExecutions);
        return new Adapters(StoreKind.MEMORY, s.tenants(), s.users(), s.flows(), s.versions(), s.executions(),
                s.events(), s.audit(), s.apiKeys(), s.toolServices(), s.datasources(), s.transactions(), s.ledger());
    }

    /** Singleton, not ApplicationScoped: an enum cannot be proxied. */
    @Produces @Singleton
    StoreKind kind() { return adapters().kind(); }

    @Produces @ApplicationScoped
    TenantRepository tenants() { return adapters().tenants(); }

    @Produces @ApplicationScoped
    UserRepository users() { return adapters().users(); }

    @Produces @ApplicationScoped
    FlowRepository flows() { return adapters().flows(); }

    @Produces @ApplicationScoped
    FlowVersionRepository versions() { return adapters().versions(); }

    @Produces @ApplicationScoped
    ExecutionRepository executions() { return adapters().executions(); }

    @Produces @ApplicationScoped
    ExecutionEventRepository events() { return adapters().events(); }

    @Produces @ApplicationScoped
    AuditLogRepository audit() { return adapters().audit(); }

    @Produces @ApplicationScoped
    ApiKeyRepository apiKeys() { return adapters().apiKeys(); }

    @Produces @ApplicationScoped
    ToolServiceRepository toolServices() { return adapters().toolServices(); }

    @Produces @ApplicationScoped
    DatasourceRepository datasources() { return adapters().datasources(); }

    @Produces @ApplicationScoped
    Transactions transactions() { return adapters().transactions(); }

    @Produces @ApplicationScoped
    RunLedger ledger() { return adapters().ledger(); }
}
