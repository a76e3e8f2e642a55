package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.RunLedger;
import io.fdl.runtime.store.ApiKeyRepository;
import io.fdl.runtime.store.AuditLogRepository;
import io.fdl.runtime.store.DatasourceRepository;
import io.fdl.runtime.store.ExecutionEventRepository;
import io.fdl.runtime.store.ExecutionRepository;
import io.fdl.runtime.store.FlowRepository;
import io.fdl.runtime.store.FlowVersionRepository;
import io.fdl.runtime.store.TenantRepository;
import io.fdl.runtime.store.ToolServiceRepository;
import io.fdl.runtime.store.Transactions;
import io.fdl.runtime.store.UserRepository;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import java.time.Duration;

/**
 * The PostgreSQL adapter ({@code FDL_USE_DATABASE=true}): Hibernate Reactive Panache entities for
 * everything but the event log, which uses the reactive pool directly. Every operation may be
 * called from any thread, never blocks, and is bounded by {@code timeout}.
 */
public final class PostgresStore {
    private final ContextRunner runner;
    private final TenantRepository tenants;
    private final UserRepository users;
    private final FlowRepository flows;
    private final FlowVersionRepository versions;
    private final ExecutionRepository executions;
    private final ExecutionEventRepository events;
    private final AuditLogRepository audit;
    private final ApiKeyRepository apiKeys;
    private final ToolServiceRepository toolServices;
    private final DatasourceRepository datasources;
    private final Transactions transactions;
    private final RunLedger ledger;

    public PostgresStore(Vertx vertx, Pool pool, Duration timeout) {
        runner = new ContextRunner(vertx, timeout);
        tenants = new PgTenantRepository(runner);
        users = new PgUserRepository(runner);
        flows = new PgFlowRepository(runner);
        versions = new PgFlowVersionRepository(runner);
        executions = new PgExecutionRepository(runner);
        events = new PgExecutionEventRepository(pool, runner);
        audit = new PgAuditLogRepository(runner);
        apiKeys = new PgApiKeyRepository(runner);
        toolServices = new PgToolServiceRepository(runner);
        datasources = new PgDatasourceRepository(runner);
        transactions = new PostgresTransactions(runner);
        ledger = new PgRunLedger(pool, runner);
    }

    /** An event repository on another pool (tests: a pool pointed at a dead server). */
    public static ExecutionEventRepository eventsOn(Vertx vertx, Pool pool, Duration timeout) {
        return new PgExecutionEventRepository(pool, new ContextRunner(vertx, timeout));
    }

    public RunLedger ledger() { return ledger; }

    public TenantRepository tenants() { return tenants; }

    public UserRepository users() { return users; }

    public FlowRepository flows() { return flows; }

    public FlowVersionRepository versions() { return versions; }

    public ExecutionRepository executions() { return executions; }

    public ExecutionEventRepository events() { return events; }

    public AuditLogRepository audit() { return audit; }

    public ApiKeyRepository apiKeys() { return apiKeys; }

    public ToolServiceRepository toolServices() { return toolServices; }

    public DatasourceRepository datasources() { return datasources; }

    public Transactions transactions() { return transactions; }
}
