package io.fdl.runtime.auth;

import io.fdl.runtime.store.Flow;
import io.fdl.runtime.store.FlowRepository;
import io.fdl.runtime.store.FlowVersion;
import io.fdl.runtime.store.FlowVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Creates flows straight through the store ports (independent of the flow REST API). */
@ApplicationScoped
public class StoreFixtures {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String FDL = "flow:\n  name: fixture\n";

    @Inject
    FlowRepository flows;
    @Inject
    FlowVersionRepository versions;

    public Flow flow(String tenantUuid, boolean published) {
        UUID tenant = UUID.fromString(tenantUuid);
        Flow f = flows.create(Flow.create(UUID.randomUUID(), tenant, "fixture-" + UUID.randomUUID(), "test"))
                .await().atMost(WAIT);
        if (!published) return f;
        FlowVersion v = versions.create(FlowVersion.create(UUID.randomUUID(), f.id(), tenant, "v1", FDL, null,
                FlowVersion.FORMAT_FDL)).await().atMost(WAIT).orElseThrow();
        return flows.publish(tenant, f.id(), v.id(), Instant.now()).await().atMost(WAIT).orElseThrow();
    }

    public void unpublish(Flow f) {
        flows.unpublish(f.tenantId(), f.id()).await().atMost(WAIT);
    }

    public void delete(Flow f) {
        flows.delete(f.tenantId(), f.id()).await().atMost(WAIT);
    }
}
