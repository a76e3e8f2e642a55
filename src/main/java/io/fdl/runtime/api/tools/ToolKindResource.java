package io.fdl.runtime.api.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.auth.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The tool kinds the editor's Tools page lists besides services and datasources (editor-json.md
 * §6): {@code udfs}, {@code oss}, {@code mq}, {@code mail}, {@code sms}, {@code svc}. None of them
 * can be configured yet (their node kinds are reserved, fdl.md §6.10), so every list is empty, a
 * single configuration is 404, and every write or test is 422 {@value #UNSUPPORTED} — a clear
 * answer the page can show instead of a 404 that breaks it.
 */
@io.smallrye.common.annotation.NonBlocking
@Path("/api/tools/{kind: udfs|oss|mq|mail|sms|svc}")
@Tag(name = "Tools")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ToolKindResource {
    public static final String UNSUPPORTED = "TOOL_KIND_UNSUPPORTED";

    /** {@code GET /api/tools/udfs}: the editor reads {@code udfs}. */
    @RegisterForReflection
    public record UdfList(List<JsonNode> udfs, int total) {}

    /** {@code GET /api/tools/{oss,mq,mail,sms,svc}}: the editor reads {@code configs}. */
    @RegisterForReflection
    public record ConfigList(List<JsonNode> configs, int total) {}

    @GET
    @Operation(summary = "List configurations of a kind not supported yet (always empty)")
    public Object list(@PathParam("kind") String kind) {
        return kind.equals("udfs") ? new UdfList(List.of(), 0) : new ConfigList(List.of(), 0);
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "A configuration of a kind not supported yet: there is none")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Object get(@PathParam("kind") String kind, @PathParam("name") String name) {
        throw notFound(kind, name);
    }

    @GET
    @Path("/{name}/health")
    @Operation(summary = "Health of a configuration (svc): there is none")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Object health(@PathParam("kind") String kind, @PathParam("name") String name) {
        throw notFound(kind, name);
    }

    @POST
    @APIResponse(responseCode = "422", description = UNSUPPORTED)
    public Object create(@PathParam("kind") String kind, JsonNode body) {
        throw unsupported(kind);
    }

    @PUT
    @Path("/{name}")
    @APIResponse(responseCode = "422", description = UNSUPPORTED)
    public Object update(@PathParam("kind") String kind, @PathParam("name") String name, JsonNode body) {
        throw unsupported(kind);
    }

    @DELETE
    @Path("/{name}")
    @APIResponse(responseCode = "422", description = UNSUPPORTED)
    public Object delete(@PathParam("kind") String kind, @PathParam("name") String name) {
        throw unsupported(kind);
    }

    @POST
    @Path("/{name}/test")
    @APIResponse(responseCode = "422", description = UNSUPPORTED)
    public Object test(@PathParam("kind") String kind, @PathParam("name") String name, JsonNode body) {
        throw unsupported(kind);
    }

    private static ApiException unsupported(String kind) {
        return new ApiException(422, UNSUPPORTED, "Tool kind '" + kind + "' is not supported yet: only services "
                + "(api://) and datasources (db://) can be configured");
    }

    private static ApiException notFound(String kind, String name) {
        return ApiException.notFound("No " + kind + " configuration named '" + name + "' (this tool kind is not supported yet)");
    }
}
