package io.fdl.runtime.store.memory;

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
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * The in-memory adapter (default, {@code FDL_USE_DATABASE=false}): everything is lost on restart.
 * Thread-safe; behaves like the PostgreSQL adapter for the shared contract, except that
 * {@link #transactions()} cannot roll back.
 */
public final class MemoryStore {
    /** default of {@code FDL_MEMORY_MAX_EXECUTIONS} */
    public static final int DEFAULT_MAX_EXECUTIONS = 10_000;

    private final MemoryDatabase db;
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
    private final RunLedger ledger;
    private final Transactions transactions = new Transactions() {
        /** Memory mode has no rollback: the work just runs (see {@link Transactions}). */
        @Override
        public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
            return Uni.createFrom().deferred(work::get);
        }
    };

    public MemoryStore() {
        this(DEFAULT_MAX_EXECUTIONS);
    }

    /** @param maxFinishedExecutions finished executions retained with their events (≥ 1), the oldest evicted first */
    public MemoryStore(int maxFinishedExecutions) {
        db = new MemoryDatabase(maxFinishedExecutions);
        tenants = new MemoryTenantRepository(db);
        users = new MemoryUserRepository(db);
        flows = new MemoryFlowRepository(db);
        versions = new MemoryFlowVersionRepository(db);
        executions = new MemoryExecutionRepository(db);
        events = new MemoryExecutionEventRepository(db);
        audit = new MemoryAuditLogRepository(db);
        apiKeys = new MemoryApiKeyRepository(db);
        toolServices = new MemoryToolServiceRepository(db);
        datasources = new MemoryDatasourceRepository(db);
        ledger = new MemoryRunLedger(db, executions, events, audit);
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
