package io.fdl.runtime.health;

/**
 * Live execution counts of this replica, for /api/health/detailed and the {@code fdl_executions_running}
 * gauge. Implemented by the execution service as an {@code @ApplicationScoped} bean; when no bean exists
 * the health endpoints report zeros. Must be cheap and non-blocking (called on the event loop).
 */
public interface ExecutionGauge {
    int running();

    int waiting();
}
