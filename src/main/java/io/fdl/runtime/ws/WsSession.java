package io.fdl.runtime.ws;

import io.fdl.runtime.api.Callers;
import io.fdl.runtime.auth.AuthPrincipal;
import io.fdl.runtime.service.Caller;
import io.fdl.runtime.service.ExecutionEventBus;
import io.quarkus.websockets.next.WebSocketConnection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** State of one WebSocket connection: who it is, what it follows, and its bounded outbox. */
final class WsSession {
    final WebSocketConnection connection;
    final Outbox outbox;
    /** the client's IP address (as seen by this server), for the per-address cap */
    final String address;
    /** the tenant this session is counted against, once authenticated ({@link WsRegistry#admitTenant}) */
    volatile String tenantCounted;
    /** key ("execution:<id>", "flow:<id>", "tenant") → live subscription */
    final Map<String, ExecutionEventBus.Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile AuthPrincipal principal;
    private volatile boolean closed;

    WsSession(WebSocketConnection connection, Outbox outbox, AuthPrincipal principal, String address) {
        this.connection = connection;
        this.outbox = outbox;
        this.address = address;
        this.principal = principal;
    }

    boolean authenticated() { return principal != null; }

    AuthPrincipal principal() { return principal; }

    void authenticate(AuthPrincipal p) { principal = p; }

    Caller caller() {
        return Callers.of(principal);
    }

    boolean closed() { return closed; }

    /** Ends every subscription; further events are dropped. Idempotent. */
    void close() {
        closed = true;
        subscriptions.values().forEach(ExecutionEventBus.Subscription::close);
        subscriptions.clear();
    }
}
