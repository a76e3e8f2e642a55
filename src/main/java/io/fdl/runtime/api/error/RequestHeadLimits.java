package io.fdl.runtime.api.error;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * The request line and headers, checked before anything else reads them, so that these errors
 * carry the JSON envelope too: a URI longer than {@code fdl.http.max-uri-bytes} → 414
 * {@code URI_TOO_LONG}, headers over {@code fdl.http.max-header-bytes} → 431
 * {@code HEADERS_TOO_LARGE}, a NUL in the decoded path or query → 400 {@code INVALID_TEXT}.
 *
 * <p>Why here and not in Netty: the HTTP decoder's own limits answer with an empty body and
 * Quarkus offers no hook for that answer. The decoder limits are therefore set well above these
 * ({@code quarkus.http.limits.max-initial-line-length} / {@code max-header-size}, 64 KiB) and stay
 * only as a memory backstop; a request beyond them still gets the decoder's bare 414/431.
 */
@ApplicationScoped
public class RequestHeadLimits {
    @ConfigProperty(name = "fdl.http.max-uri-bytes", defaultValue = "8192")
    int maxUri;
    @ConfigProperty(name = "fdl.http.max-header-bytes", defaultValue = "20480")
    int maxHeaders;

    void register(@Observes Router router) {
        router.route().order(RequestIdFilter.ORDER + 2).handler(this::check);
    }

    private void check(RoutingContext rc) {
        if (rc.request().uri().length() > maxUri) {
            reject(rc, 414, ErrorCodes.URI_TOO_LONG, "Request URI exceeds " + maxUri + " bytes", Map.of("max_bytes", maxUri));
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> h : rc.request().headers()) headerBytes += h.getKey().length() + h.getValue().length() + 4;
        if (headerBytes > maxHeaders) {
            reject(rc, 431, ErrorCodes.HEADERS_TOO_LARGE, "Request headers exceed " + maxHeaders + " bytes",
                    Map.of("max_bytes", maxHeaders));
            return;
        }
        if (hasNul(rc)) {
            reject(rc, 400, ErrorCodes.INVALID_TEXT, "path and query must not contain the NUL character (%00)", null);
            return;
        }
        rc.next();
    }

    private static boolean hasNul(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path != null && path.indexOf('\u0000') >= 0) return true;
        String query = rc.request().query();
        if (query == null || !query.contains("%00")) return false; // the only way to spell NUL in a query
        for (Map.Entry<String, String> p : rc.queryParams()) {
            if (p.getKey().indexOf('\u0000') >= 0 || p.getValue().indexOf('\u0000') >= 0) return true;
        }
        return false;
    }

    private static void reject(RoutingContext rc, int status, String code, String message, Object details) {
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(ErrorBody.of(message, code, details, null, null)));
    }
}
