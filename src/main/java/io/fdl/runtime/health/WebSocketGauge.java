package io.fdl.runtime.health;

/**
 * Live WebSocket counts of this replica, for /api/health/detailed and the
 * {@code fdl_websocket_connections} gauge. Implemented by the WebSocket layer as an
 * {@code @ApplicationScoped} bean; zeros when no bean exists. Must be cheap and non-blocking.
 */
public interface WebSocketGauge {
    int connections();

    int subscriptions();
}
