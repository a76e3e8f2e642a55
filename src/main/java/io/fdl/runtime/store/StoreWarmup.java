package io.fdl.runtime.store;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * In PostgreSQL mode, runs one read of each query shape the hot paths use once at start (results
 * ignored, nothing written). Hibernate translates a query shape the first time it sees it, loading
 * hundreds of classes on the event loop; doing that before traffic arrives keeps the first
 * requests fast and the event loop unblocked. Non-blocking: start-up does not wait for it.
 */
@ApplicationScoped
class StoreWarmup {
    private static final Logger LOG = Logger.getLogger(StoreWarmup.class);

    void onStart(@Observes StartupEvent ignored, StoreKind kind, TenantRepository tenants, FlowRepository flows,
                 FlowVersionRepository versions, ExecutionRepository executions, ExecutionEventRepository events,
                 Transactions tx) {
        if (kind != StoreKind.POSTGRES) return;
        UUID none = new UUID(0, 0);
        tenants.find(Tenant.DEFAULT_ID)
                .chain(() -> flows.list(none, null, 1, 0))
                .chain(() -> versions.latest(none, none))
                .chain(() -> executions.find(none, none))
                .chain(() -> executions.list(none, ExecutionFilter.ALL, 1, 0))
                // a locked read inside a transaction (the compare-and-set path); matches no row
                .chain(() -> tx.inTransaction(() -> executions.saveSnapshot(none, none, null)))
                .chain(() -> events.lastSeq(none, none))
                .subscribe().with(
                        done -> LOG.debug("store warm-up done"),
                        failure -> LOG.warnf("store warm-up failed: %s", failure.getMessage()));
    }
}
