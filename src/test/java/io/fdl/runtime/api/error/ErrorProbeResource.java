package io.fdl.runtime.api.error;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Test-only endpoints that provoke framework errors. */
@Path("/test-support/errors")
@PermitAll
public class ErrorProbeResource {
    public record Payload(String name, int count) {}

    @POST
    @Path("echo")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Payload echo(Payload p) {
        return p;
    }

    @GET
    @Path("boom")
    public String boom() {
        throw new IllegalStateException("internal detail that must not leak");
    }

    @GET
    @Path("api-exception")
    @Produces(MediaType.APPLICATION_JSON)
    public String apiException() {
        throw ApiException.tooManyRequests("QUOTA_EXCEEDED", "Too many executions", 7)
                .with("validation_errors", java.util.List.of("a: required"));
    }

    @GET
    @Path("secured")
    @jakarta.annotation.security.RolesAllowed("admin")
    public String secured() {
        return "secret";
    }

    @GET
    @Path("forbidden")
    public String forbidden() {
        throw new io.quarkus.security.ForbiddenException("role missing");
    }

    @GET
    @Path("conflict")
    public String conflict() {
        throw new ApiException(409, "VERSION_PUBLISHED", "Version is published", Map.of("version_id", "v1"));
    }
}
