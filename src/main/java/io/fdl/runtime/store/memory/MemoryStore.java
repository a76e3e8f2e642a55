package io.fdl.runtime.store.memory;

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
    private final MemoryDatabase db = new MemoryDatabase();
    private final TenantRepository tenants = new MemoryTenantRepository(db);
    private final UserRepository users = new MemoryUserRepository(db);
    private final FlowRepository flows = new MemoryFlowRepository(db);
    private final FlowVersionRepository versions = new MemoryFlowVersionRepository(db);
    private final ExecutionRepository executions = new MemoryExecutionRepository(db);
    private final ExecutionEventRepository events = new MemoryExecutionEventRepository();
    private final AuditLogRepository audit = new MemoryAuditLogRepository(db);
    private final ApiKeyRepository apiKeys = new MemoryApiKeyRepository(db);
    private final ToolServiceRepository toolServices = new MemoryToolServiceRepository(db);
    private final DatasourceRepository datasources = new MemoryDatasourceRepository(db);
    private final Transactions transactions = new Transactions() {
        /** Memory mode has no rollback: the work just runs (see {@link Transactions}). */
        @Override
        public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
            return Uni.createFrom().deferred(work::get);
        }
    };

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
