package io.fdl.runtime.ui;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The built-in dashboard at {@code /ui/} is a set of static ES modules in {@code META-INF/resources/ui}
 * (served by Quarkus, so it is part of the JVM and the native image). This filter adds the security
 * headers to every {@code /ui} response and sends {@code /ui} to {@code /ui/} so relative module URLs resolve.
 *
 * <p>The policy allows nothing but the service's own origin: no inline script or style (the UI sets
 * styles only through CSSOM and classes), no frames, no plugins. {@code connect-src 'self'} covers the
 * same-origin {@code ws:}/{@code wss:} socket in CSP level 3 browsers, so no other host can be reached.
 */
@ApplicationScoped
public class UiRoutes {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    void register(@Observes Router router) {
        router.routeWithRegex("^/ui(/.*)?$").order(-90).handler(rc -> {
            var h = rc.response().headers();
            h.set("Content-Security-Policy", CSP);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            h.set("X-Frame-Options", "DENY");
            // always revalidate: a new release must not run against stale modules
            h.set(HttpHeaders.CACHE_CONTROL, "no-cache");
            if (rc.normalizedPath().equals("/ui")) {
                rc.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, "/ui/").end();
            } else {
                rc.next();
            }
        });
    }
}
