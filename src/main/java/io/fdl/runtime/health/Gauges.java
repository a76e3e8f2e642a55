package io.fdl.runtime.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Resolves the optional {@link ExecutionGauge} / {@link WebSocketGauge} beans; zeros when absent. */
@ApplicationScoped
public class Gauges {
    private final Instance<ExecutionGauge> executions;
    private final Instance<WebSocketGauge> websockets;

    public Gauges(Instance<ExecutionGauge> executions, Instance<WebSocketGauge> websockets) {
        this.executions = executions;
        this.websockets = websockets;
    }

    public int executionsRunning() { return executions.isResolvable() ? executions.get().running() : 0; }

    public int executionsWaiting() { return executions.isResolvable() ? executions.get().waiting() : 0; }

    public int websocketConnections() { return websockets.isResolvable() ? websockets.get().connections() : 0; }

    public int websocketSubscriptions() { return websockets.isResolvable() ? websockets.get().subscriptions() : 0; }
}
