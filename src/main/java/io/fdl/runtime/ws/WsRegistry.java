package io.fdl.runtime.ws;

import io.fdl.runtime.health.WebSocketGauge;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open sessions of this replica: counts for health and metrics (bounded cardinality, no ids in
 * labels), and the connection caps — per remote address ({@code FDL_WS_MAX_PER_ADDRESS}, counted
 * from the upgrade, authenticated or not) and per tenant ({@code FDL_WS_MAX_PER_TENANT}, counted
 * once the connection is authenticated). A connection over a cap is closed with 1008 and a reason.
 */
@ApplicationScoped
public class WsRegistry implements WebSocketGauge {
    private final Map<String, WsSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final Map<String, Integer> perTenant = new ConcurrentHashMap<>();

    @ConfigProperty(name = "fdl.ws.max-per-address", defaultValue = "100")
    int maxPerAddress;
    @ConfigProperty(name = "fdl.ws.max-per-tenant", defaultValue = "1000")
    int maxPerTenant;

    /** Registers a new connection; the close reason when its address is over the cap (then nothing is kept). */
    CloseReason add(WsSession s) {
        if (!claim(perAddress, s.address, maxPerAddress)) {
            return new CloseReason(1008, "too many connections from this address (max " + maxPerAddress + ")");
        }
        sessions.put(s.connection.id(), s);
        return null;
    }

    /** Counts an authenticated session against its tenant; the close reason when the tenant is over the cap. */
    CloseReason admitTenant(WsSession s) {
        if (s.tenantCounted != null) return null;
        String tenant = s.principal().tenantId();
        if (!claim(perTenant, tenant, maxPerTenant)) {
            return new CloseReason(1008, "too many connections for this tenant (max " + maxPerTenant + ")");
        }
        s.tenantCounted = tenant;
        return null;
    }

    WsSession get(String connectionId) { return sessions.get(connectionId); }

    /** Forgets the session (its subscriptions end) and closes the connection with {@code reason}. */
    void close(WebSocketConnection connection, CloseReason reason) {
        WsSession s = remove(connection.id());
        if (s != null) s.close();
        connection.close(reason).subscribe().with(x -> { }, e -> { });
    }

    /**
     * On shutdown every client is told to reconnect (1012 service restart) and resume with
     * {@code after_seq}: its runs continue on another replica, their event log without gap.
     */
    void onShutdown(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent ev) {
        CloseReason restart = new CloseReason(1012, "service restart: reconnect and subscribe with after_seq");
        for (WsSession s : List.copyOf(sessions.values())) close(s.connection, restart);
    }

    WsSession remove(String connectionId) {
        WsSession s = sessions.remove(connectionId);
        if (s != null) {
            release(perAddress, s.address);
            if (s.tenantCounted != null) release(perTenant, s.tenantCounted);
        }
        return s;
    }

    private static boolean claim(Map<String, Integer> counts, String key, int max) {
        boolean[] ok = {false};
        counts.compute(key, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= max) return n;
            ok[0] = true;
            return current + 1;
        });
        return ok[0];
    }

    private static void release(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    @Override
    public int connections() { return sessions.size(); }

    @Override
    public int subscriptions() {
        return sessions.values().stream().mapToInt(s -> s.subscriptions.size()).sum();
    }
}
