package io.fdl.runtime.service;

import io.fdl.runtime.health.ExecutionGauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** This replica's live executions for health and the fdl_executions_running/waiting gauges. */
@ApplicationScoped
public class LiveExecutionGauge implements ExecutionGauge {
    private final ExecutionService executions;

    @Inject
    public LiveExecutionGauge(ExecutionService executions) {
        this.executions = executions;
    }

    /** Executions doing work (not only waiting on timers). */
    @Override
    public int running() {
        return Math.max(0, executions.runningCount() - waiting());
    }

    @Override
    public int waiting() {
        return (int) executions.waitingCount();
    }
}
