package io.fdl.runtime.api.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.auth.CurrentUser;
import io.fdl.runtime.auth.Roles;
import io.fdl.runtime.tools.config.ToolConfigService;
import io.fdl.runtime.tools.config.ToolServiceView;
import io.fdl.runtime.tools.config.ToolTestResult;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/**
 * HTTP services for {@code api://} (api.md §8, tools.md §3.2), admin only, in the caller's tenant
 * (a superadmin may pass {@code ?tenant_id=}). Credentials are write-only: reads show "****", and
 * sending "****" back on update keeps the stored secret.
 */
@Path("/api/tools/services")
@Tag(name = "Tools")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ToolServiceResource {

    @Inject
    ToolConfigService service;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "List the tenant's API services")
    public Uni<ToolDtos.ServiceList> list(@Parameter(description = "superadmin only") @QueryParam("tenant_id") String tenant) {
        return service.listServices(tenant(tenant)).map(l -> new ToolDtos.ServiceList(l, l.size()));
    }

    @POST
    @Operation(summary = "Register an API service")
    @RequestBody(description = "{name, display_name?, description?, base_url, auth_type?, auth_config?, default_headers?, timeout_ms?, enabled?}")
    @APIResponse(responseCode = "201", description = "The service (secrets masked)")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR")
    @APIResponse(responseCode = "409", description = "ALREADY_EXISTS")
    public Uni<Response> create(@QueryParam("tenant_id") String tenant, JsonNode body) {
        return service.createService(tenant(tenant), body)
                .map(v -> Response.created(URI.create("/api/tools/services/" + v.name())).entity(v).build());
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Get an API service (secrets masked)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for another tenant's service)")
    public Uni<ToolServiceView> get(@QueryParam("tenant_id") String tenant, @PathParam("name") String name) {
        return service.getService(tenant(tenant), name);
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Update an API service", description = "Fields absent from the body keep their value")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Uni<ToolServiceView> update(@QueryParam("tenant_id") String tenant, @PathParam("name") String name, JsonNode body) {
        return service.updateService(tenant(tenant), name, body);
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete an API service")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Uni<ToolDtos.Deleted> delete(@QueryParam("tenant_id") String tenant, @PathParam("name") String name) {
        return service.deleteService(tenant(tenant), name).map(n -> new ToolDtos.Deleted(true, n));
    }

    @POST
    @Path("/{name}/test")
    @Operation(summary = "Check that the service's base URL answers",
            description = "success is true for any HTTP answer (status given); false with error_code/error when unreachable")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Uni<ToolTestResult> test(@QueryParam("tenant_id") String tenant, @PathParam("name") String name) {
        return service.testService(tenant(tenant), name, user.buCode());
    }

    private UUID tenant(String requested) {
        return UUID.fromString(user.tenantFor(requested));
    }
}
