package io.fdl.runtime.service;

import io.fdl.runtime.engine.ExecutionEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Execution metrics fed by the event pipeline (api.md §10). Labels never carry ids.
 */
@ApplicationScoped
public class RunMetrics {
    private final MeterRegistry registry;

    @Inject
    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void onEvent(ExecutionEvent event) {
        switch (event.type()) {
            case STARTED -> registry.counter("fdl_executions_started_total").increment();
            case COMPLETED, FAILED, CANCELLED -> registry.counter("fdl_executions_finished_total",
                    "status", event.type().wire()).increment();
            default -> { }
        }
    }
}
