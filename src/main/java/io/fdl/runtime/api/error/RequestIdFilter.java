package io.fdl.runtime.api.error;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/** Assigns the request id (see {@link RequestId}) before any other route, including security. */
@ApplicationScoped
public class RequestIdFilter {

    /** Runs before Quarkus' own routes (authentication, body handling, REST). */
    static final int ORDER = Integer.MIN_VALUE + 10;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(rc -> {
            String id = RequestId.accept(rc.request().getHeader(RequestId.HEADER));
            rc.put(RequestId.CONTEXT_KEY, id);
            rc.response().putHeader(RequestId.HEADER, id);
            MDC.put(RequestId.MDC_KEY, id);
            rc.addEndHandler(v -> MDC.remove(RequestId.MDC_KEY));
            rc.next();
        });
    }
}
