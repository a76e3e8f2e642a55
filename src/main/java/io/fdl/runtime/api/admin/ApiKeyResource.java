package io.fdl.runtime.api.admin;

import io.fdl.runtime.api.admin.AdminDtos.Deleted;
import io.fdl.runtime.api.admin.ApiKeyDtos.ApiKeyList;
import io.fdl.runtime.api.admin.ApiKeyDtos.ApiKeyView;
import io.fdl.runtime.api.admin.ApiKeyDtos.CreateApiKeyRequest;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.auth.ApiKeyService;
import io.fdl.runtime.auth.CurrentUser;
import io.fdl.runtime.auth.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** API keys of a published flow (api.md §7), admin of the flow's tenant. */
@Path("/api/flows/{flowId}/api-keys")
@Tag(name = "API keys")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    @Inject
    ApiKeyService service;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "List the flow's API keys (never the keys themselves)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another tenant's flow)")
    public Uni<ApiKeyList> list(@PathParam("flowId") String flowId) {
        return service.list(tenant(), Params.pathId(flowId, "Flow"))
                .map(ks -> new ApiKeyList(ks.stream().map(k -> ApiKeyView.of(k, null)).toList(), ks.size()));
    }

    @POST
    @Operation(summary = "Create an API key", description = "The full key fk_<flow id prefix>_<32 hex> is returned once; "
            + "only its SHA-256 and prefix are stored")
    @APIResponse(responseCode = "201", description = "The key, with `key`")
    @APIResponse(responseCode = "400", description = "FLOW_NOT_PUBLISHED or invalid fields")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Uni<Response> create(@PathParam("flowId") String flowId, CreateApiKeyRequest body) {
        UUID flow = Params.pathId(flowId, "Flow");
        if (body == null) throw ApiException.badRequest("INVALID_REQUEST", "Body {name} is required");
        return service.create(tenant(), flow, new ApiKeyService.NewKey(body.name(), body.description(), body.rateLimit(),
                        body.expiresInDays()))
                .map(c -> Response.status(201).entity(ApiKeyView.of(c.key(), c.plaintext()))
                        .header("Cache-Control", "no-store").build());
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(summary = "Delete an API key")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public Uni<Deleted> delete(@PathParam("flowId") String flowId, @PathParam("keyId") String keyId) {
        UUID flow = Params.pathId(flowId, "Flow");
        UUID key = Params.pathId(keyId, "API key");
        return service.delete(tenant(), flow, key).replaceWith(new Deleted(true, key.toString()));
    }

    private UUID tenant() {
        return UUID.fromString(user.tenantId());
    }
}
