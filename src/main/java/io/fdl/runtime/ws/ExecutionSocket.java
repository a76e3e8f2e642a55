package io.fdl.runtime.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code GET /ws}: JSON-RPC 2.0 over text frames (api.md §6). The endpoint only tracks the
 * connection's life; {@link RpcHandler} answers calls. Every frame to the client goes through the
 * session's bounded {@link Outbox}: a client that does not read is disconnected with code 1008 and
 * resumes with {@code subscribe {execution_id, after_seq}}.
 */
@WebSocket(path = "/ws")
public class ExecutionSocket {
    private static final Logger LOG = Logger.getLogger(ExecutionSocket.class);
    static final CloseReason SLOW_CONSUMER =
            new CloseReason(1008, "slow consumer: frames not read in time; reconnect and subscribe with after_seq");

    @Inject
    WsRegistry registry;
    @Inject
    RpcHandler handler;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "fdl.ws.max-pending-bytes", defaultValue = "4194304")
    long maxPendingBytes;

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        Outbox[] box = new Outbox[1];
        box[0] = new Outbox(connection::sendText, maxPendingBytes, () -> {
            LOG.warnf("closing WebSocket %s: slow consumer (%d bytes unsent)", connection.id(), box[0].pendingBytes());
            WsSession s = registry.remove(connection.id());
            if (s != null) s.close();
            connection.close(SLOW_CONSUMER).subscribe().with(x -> {}, e -> {});
        });
        registry.add(new WsSession(connection, box[0], connection.userData().get(WsUpgradeCheck.PRINCIPAL)));
    }

    @OnTextMessage
    public Uni<Void> onText(String message, WebSocketConnection connection) {
        WsSession session = registry.get(connection.id());
        if (session == null) return Uni.createFrom().voidItem(); // cut off as a slow consumer
        return handler.handle(session, message);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        WsSession s = registry.remove(connection.id());
        if (s != null) s.close();
    }
}
