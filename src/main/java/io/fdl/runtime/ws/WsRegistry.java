package io.fdl.runtime.ws;

import io.fdl.runtime.health.WebSocketGauge;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The open sessions of this replica: counts for health and metrics (bounded cardinality, no ids in labels). */
@ApplicationScoped
public class WsRegistry implements WebSocketGauge {
    private final Map<String, WsSession> sessions = new ConcurrentHashMap<>();

    void add(WsSession s) { sessions.put(s.connection.id(), s); }

    WsSession get(String connectionId) { return sessions.get(connectionId); }

    WsSession remove(String connectionId) { return sessions.remove(connectionId); }

    @Override
    public int connections() { return sessions.size(); }

    @Override
    public int subscriptions() {
        return sessions.values().stream().mapToInt(s -> s.subscriptions.size()).sum();
    }
}
