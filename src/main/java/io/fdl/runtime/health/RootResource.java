package io.fdl.runtime.health;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** {@code GET /}: service info and where to find things (api.md §10). */
@Path("/")
@PermitAll
@Tag(name = "health")
public class RootResource {
    public record Info(String name, String version, String status, Map<String, String> endpoints) {}

    private static final Map<String, String> ENDPOINTS = Map.of(
            "api", "/api", "websocket", "/ws", "swagger", "/swagger-ui", "openapi", "/openapi", "ui", "/ui/");

    private final String version;

    public RootResource(@ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.version = version;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Service info")
    public Info info() {
        return new Info("FDL Runtime", version, "running", ENDPOINTS);
    }
}
