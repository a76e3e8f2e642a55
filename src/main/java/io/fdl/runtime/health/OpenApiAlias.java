package io.fdl.runtime.health;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Serves the OpenAPI document at Quarkus' conventional /q/openapi as well as at /openapi. */
@ApplicationScoped
public class OpenApiAlias {
    void register(@Observes Router router) {
        router.get("/q/openapi").order(-100).handler(rc -> rc.reroute("/openapi" + (rc.request().query() == null ? "" : "?" + rc.request().query())));
    }
}
