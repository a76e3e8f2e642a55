package io.fdl.runtime.api.error;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Errors that never reach a JAX-RS mapper: paths no route serves (404), failures raised by Vert.x /
 * Quarkus HTTP handlers before the REST layer (413 body too large, 401/403 from the proactive security
 * layer, 500 from a non-REST route). All answered with the api.md §2 envelope.
 */
@ApplicationScoped
public class FrameworkErrorRoutes {
    private static final Logger LOG = Logger.getLogger(FrameworkErrorRoutes.class);

    void register(@Observes Router router) {
        // Last route: nothing else (REST, WebSocket, /q/*, static) claimed the path.
        router.route().order(Integer.MAX_VALUE - 10).handler(rc -> {
            if (rc.response().headWritten()) { rc.next(); return; }
            send(rc, 404, ErrorCodes.NOT_FOUND, "No route for " + rc.request().method() + " " + rc.normalizedPath(), null);
        });
        router.route().order(Integer.MIN_VALUE + 20).failureHandler(this::failure);
    }

    private void failure(RoutingContext rc) {
        if (rc.response().headWritten() || rc.response().ended()) {
            return; // too late to change anything; the connection is closed by Vert.x
        }
        Throwable f = rc.failure();
        if (f instanceof AuthenticationFailedException || f instanceof UnauthorizedException) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            send(rc, 401, ErrorCodes.UNAUTHORIZED, ErrorCodes.messageFor(401), null);
            return;
        }
        if (f instanceof ForbiddenException) {
            send(rc, 403, ErrorCodes.FORBIDDEN, ErrorCodes.messageFor(403), null);
            return;
        }
        int status = rc.statusCode();
        if (f == null && status >= 400 && status < 500) {
            send(rc, status, ErrorCodes.forStatus(status), ErrorCodes.messageFor(status), null);
            return;
        }
        String requestId = requestId(rc);
        if (f != null) LOG.errorf(f, "Unhandled error [request_id=%s]", requestId);
        else LOG.errorf("Request failed with status %d [request_id=%s]", status, requestId);
        int s = status >= 500 ? status : 500;
        send(rc, s, ErrorCodes.forStatus(s), ErrorCodes.messageFor(s), requestId);
    }

    private static String requestId(RoutingContext rc) {
        String id = rc.get(RequestId.CONTEXT_KEY);
        return id != null ? id : RequestId.current();
    }

    private static void send(RoutingContext rc, int status, String code, String message, String requestId) {
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(Json.encode(ErrorBody.of(message, code, null, requestId, null)));
    }
}
