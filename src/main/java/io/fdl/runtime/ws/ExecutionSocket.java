package io.fdl.runtime.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET /ws}: JSON-RPC 2.0 over text frames (api.md §6). The endpoint only tracks the
 * connection's life; {@link RpcHandler} answers calls. Every frame to the client goes through the
 * session's bounded {@link Outbox}: a client that does not read is disconnected with code 1008 and
 * resumes with {@code subscribe {execution_id, after_seq}}.
 *
 * <p>Abuse limits: a connection still unauthenticated after {@code FDL_WS_AUTH_TIMEOUT} (10 s) is
 * closed with 1008; the caps of {@link WsRegistry} close with 1008 too; a text message over
 * {@code FDL_WS_MAX_MESSAGE_BYTES} is answered with close 1009. Every close carries a reason.
 */
@WebSocket(path = "/ws")
public class ExecutionSocket {
    private static final Logger LOG = Logger.getLogger(ExecutionSocket.class);
    static final CloseReason SLOW_CONSUMER =
            new CloseReason(1008, "slow consumer: frames not read in time; reconnect and subscribe with after_seq");
    static final CloseReason AUTH_TIMEOUT = new CloseReason(1008, "authentication timeout: send auth first");

    @Inject
    WsRegistry registry;
    @Inject
    RpcHandler handler;
    @Inject
    ObjectMapper mapper;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "fdl.ws.max-pending-bytes", defaultValue = "4194304")
    long maxPendingBytes;
    @ConfigProperty(name = "fdl.ws.auth-timeout", defaultValue = "10s")
    Duration authTimeout;
    @ConfigProperty(name = "fdl.ws.max-message-bytes", defaultValue = "1048576")
    int maxMessageBytes;

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        Outbox[] box = new Outbox[1];
        box[0] = new Outbox(connection::sendText, maxPendingBytes, () -> {
            LOG.warnf("closing WebSocket %s: slow consumer (%d bytes unsent)", connection.id(), box[0].pendingBytes());
            close(connection, SLOW_CONSUMER);
        });
        WsSession session = new WsSession(connection, box[0], connection.userData().get(WsUpgradeCheck.PRINCIPAL),
                connection.userData().get(WsUpgradeCheck.ADDRESS));
        CloseReason refused = registry.add(session);
        if (refused == null && session.authenticated()) refused = registry.admitTenant(session);
        if (refused != null) {
            LOG.debugf("refusing WebSocket %s from %s: %s", connection.id(), session.address, refused.getMessage());
            close(connection, refused);
            return;
        }
        if (!session.authenticated()) {
            vertx.setTimer(Math.max(1, authTimeout.toMillis()), t -> {
                if (!session.authenticated() && !session.closed()) close(connection, AUTH_TIMEOUT);
            });
        }
    }

    @OnTextMessage
    public Uni<Void> onText(String message, WebSocketConnection connection) {
        WsSession session = registry.get(connection.id());
        if (session == null) return Uni.createFrom().voidItem(); // cut off (slow consumer, cap)
        if (tooBig(message)) {
            close(connection, new CloseReason(1009, "message too big: at most " + maxMessageBytes + " bytes"));
            return Uni.createFrom().voidItem();
        }
        return handler.handle(session, message);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        WsSession s = registry.remove(connection.id());
        if (s != null) s.close();
    }

    /** A client going away (reset, broken pipe) is not a server error: one DEBUG line, no stack trace. */
    @OnError
    public void onError(WebSocketConnection connection, Throwable failure) {
        if (failure instanceof IOException || failure instanceof io.vertx.core.VertxException
                || failure instanceof java.nio.channels.ClosedChannelException) {
            LOG.debugf("WebSocket %s: %s", connection.id(), failure.toString());
        } else {
            LOG.errorf(failure, "WebSocket %s failed", connection.id());
        }
    }

    private boolean tooBig(String message) {
        if (message.length() > maxMessageBytes) return true; // at least one byte per char
        if ((long) message.length() * 3 <= maxMessageBytes) return false; // at most three bytes per UTF-16 unit
        return message.getBytes(StandardCharsets.UTF_8).length > maxMessageBytes;
    }

    private void close(WebSocketConnection connection, CloseReason reason) {
        registry.close(connection, reason);
    }
}
