package io.fdl.runtime.api.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.auth.CurrentUser;
import io.fdl.runtime.auth.Roles;
import io.fdl.runtime.tools.config.DatasourceView;
import io.fdl.runtime.tools.config.ToolConfigService;
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
 * Databases for {@code db://} (api.md §8, tools.md §4.2), admin only, in the caller's tenant.
 * The password of connection_string is write-only: reads show "****"; sending the masked string
 * back on update keeps the stored password. Updating or deleting closes the datasource's pool.
 */
@Path("/api/tools/datasources")
@Tag(name = "Tools")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ToolDatasourceResource {

    @Inject
    ToolConfigService service;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "List the tenant's datasources")
    public Uni<ToolDtos.DatasourceList> list(@Parameter(description = "superadmin only") @QueryParam("tenant_id") String tenant) {
        return service.listDatasources(tenant(tenant)).map(l -> new ToolDtos.DatasourceList(l, l.size()));
    }

    @POST
    @Operation(summary = "Register a datasource")
    @RequestBody(description = "{name, display_name?, db_type: postgresql, connection_string, schema?, table?, pool_size?, timeout_ms?, read_only?, allow_native?, enabled?}")
    @APIResponse(responseCode = "201", description = "The datasource (password masked)")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR")
    @APIResponse(responseCode = "409", description = "ALREADY_EXISTS")
    public Uni<Response> create(@QueryParam("tenant_id") String tenant, JsonNode body) {
        return service.createDatasource(tenant(tenant), body)
                .map(v -> Response.created(URI.create("/api/tools/datasources/" + v.name())).entity(v).build());
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Get a datasource (password masked)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also for another tenant's datasource)")
    public Uni<DatasourceView> get(@QueryParam("tenant_id") String tenant, @PathParam("name") String name) {
        return service.getDatasource(tenant(tenant), name);
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Update a datasource", description = "Fields absent from the body keep their value")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Uni<DatasourceView> update(@QueryParam("tenant_id") String tenant, @PathParam("name") String name, JsonNode body) {
        return service.updateDatasource(tenant(tenant), name, body);
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a datasource")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Uni<ToolDtos.Deleted> delete(@QueryParam("tenant_id") String tenant, @PathParam("name") String name) {
        return service.deleteDatasource(tenant(tenant), name).map(n -> new ToolDtos.Deleted(true, n));
    }

    @POST
    @Path("/{name}/test")
    @Operation(summary = "Check that the database answers", description = "Opens a fresh pool, runs SELECT 1 (or reads the default table's columns)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Uni<ToolTestResult> test(@QueryParam("tenant_id") String tenant, @PathParam("name") String name) {
        return service.testDatasource(tenant(tenant), name);
    }

    private UUID tenant(String requested) {
        return UUID.fromString(user.tenantFor(requested));
    }
}
