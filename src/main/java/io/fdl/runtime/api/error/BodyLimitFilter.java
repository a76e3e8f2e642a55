package io.fdl.runtime.api.error;

import io.fdl.runtime.config.FdlConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code FDL_MAX_BODY_BYTES}: a request that announces a larger body is answered 413 with the JSON
 * envelope before anything reads it (Quarkus' own check would answer with an empty body). Chunked
 * bodies without Content-Length are cut by Quarkus' body handler at the same limit
 * ({@code quarkus.http.limits.max-body-size}, derived from the same variable), whose failure is
 * rendered by {@link FrameworkErrorRoutes}.
 */
@ApplicationScoped
public class BodyLimitFilter {

    void register(@Observes Router router, FdlConfig config) {
        long max = config.maxBodyBytes();
        router.route().order(RequestIdFilter.ORDER + 1).handler(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                long n;
                try {
                    n = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n > max) {
                    rc.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .putHeader(HttpHeaders.CONNECTION, "close") // the unread body makes the connection unusable
                            .end(Json.encode(ErrorBody.of("Request body exceeds " + max + " bytes",
                                    ErrorCodes.PAYLOAD_TOO_LARGE, java.util.Map.of("max_bytes", max), null, null)));
                    return;
                }
            }
            rc.next();
        });
    }
}
