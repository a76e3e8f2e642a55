package io.fdl.runtime.api;

import io.fdl.runtime.api.admin.Params;
import io.fdl.runtime.api.dto.FlowDtos.CreateFlowRequest;
import io.fdl.runtime.api.dto.FlowDtos.CreateVersionRequest;
import io.fdl.runtime.api.dto.FlowDtos.DeleteFlowResponse;
import io.fdl.runtime.api.dto.FlowDtos.DeleteVersionResponse;
import io.fdl.runtime.api.dto.FlowDtos.FlowList;
import io.fdl.runtime.api.dto.FlowDtos.FlowView;
import io.fdl.runtime.api.dto.FlowDtos.PublishRequest;
import io.fdl.runtime.api.dto.FlowDtos.PublishStatus;
import io.fdl.runtime.api.dto.FlowDtos.UpdateFlowRequest;
import io.fdl.runtime.api.dto.FlowDtos.ValidateRequest;
import io.fdl.runtime.api.dto.FlowDtos.ValidateResponse;
import io.fdl.runtime.api.dto.FlowDtos.VersionList;
import io.fdl.runtime.api.dto.FlowDtos.VersionSummary;
import io.fdl.runtime.api.dto.FlowDtos.VersionView;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.auth.CurrentUser;
import io.fdl.runtime.service.Caller;
import io.fdl.runtime.service.DiagnosticViews;
import io.fdl.runtime.service.FlowService;
import io.fdl.runtime.service.Ids;
import io.fdl.runtime.service.VersionService;
import io.smallrye.common.annotation.NonBlocking;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Flows, versions and publishing (api.md §4). Thin: parses and authorises, the services decide. */
// every method returns a Uni over the reactive store: keep it on the event loop (CPU work is offloaded)
@NonBlocking
@Path("/api/flows")
@Tag(name = "Flows")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FlowResource {

    @Inject
    CurrentUser user;
    @Inject
    FlowService flows;
    @Inject
    VersionService versions;

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "List flows, newest updated first")
    public Uni<FlowList> list(@QueryParam("limit") String limitParam,
                              @QueryParam("offset") String offsetParam,
                              @QueryParam("q") String q,
                              @QueryParam("published") String published) {
        int limit = Params.intParam("limit", limitParam, 20);
        int offset = Params.intParam("offset", offsetParam, 0);
        return flows.list(caller(), q, publishedFilter(published), limit, offset).map(p -> new FlowList(
                p.items().stream().map(Views::summary).toList(), p.total(), p.limit(), p.offset()));
    }

    @POST
    @RolesAllowed("editor")
    @Operation(summary = "Create a flow")
    @APIResponse(responseCode = "201", description = "the flow", content = @Content(schema = @Schema(implementation = FlowView.class)))
    @APIResponse(responseCode = "400", description = "name missing or too long")
    @APIResponse(responseCode = "429", description = "QUOTA_EXCEEDED (max_flows)")
    public Uni<Response> create(CreateFlowRequest body) {
        if (body == null) throw ApiException.badRequest("BAD_REQUEST", "a JSON body {name, description?} is required");
        return flows.create(caller(), body.name(), body.description())
                .map(f -> Response.status(201).entity(Views.flow(FlowService.detail(f, java.util.List.of()))).build());
    }

    @POST
    @Path("validate")
    @RolesAllowed("viewer")
    @Operation(summary = "Validate a definition (FDL YAML or editor JSON) without storing it")
    public Uni<ValidateResponse> validate(ValidateRequest body) {
        if (body == null) throw ApiException.badRequest("BAD_REQUEST", "a JSON body {fdl} or {data} is required");
        return versions.validate(body.fdl(), body.data())
                .map(r -> new ValidateResponse(r.ok(), DiagnosticViews.views(r.diagnostics())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed("viewer")
    @Operation(summary = "Get a flow with its latest and published version")
    @APIResponse(responseCode = "404", description = "unknown, or another tenant's")
    public Uni<FlowView> get(@PathParam("id") String id) {
        return flows.detail(caller(), flowId(id)).map(Views::flow);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("editor")
    @Operation(summary = "Update name, description or thumbnail")
    public Uni<FlowView> update(@PathParam("id") String id, UpdateFlowRequest body) {
        if (body == null) throw ApiException.badRequest("BAD_REQUEST", "a JSON body is required");
        return flows.update(caller(), flowId(id), body.name(), body.description(), body.thumbnail()).map(Views::flow);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("editor")
    @Operation(summary = "Delete a flow and its versions (execution history is kept)")
    public Uni<DeleteFlowResponse> delete(@PathParam("id") String id) {
        UUID flowId = flowId(id);
        return flows.delete(caller(), flowId).map(x -> new DeleteFlowResponse(true, flowId.toString()));
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed("viewer")
    @Operation(summary = "List the versions of a flow, newest first")
    public Uni<VersionList> listVersions(@PathParam("id") String id) {
        UUID flowId = flowId(id);
        return versions.list(caller(), flowId).map(list -> new VersionList(flowId.toString(),
                list.stream().map(Views::version).toList(), list.size()));
    }

    @POST
    @Path("{id}/versions")
    @RolesAllowed("editor")
    @Operation(summary = "Create an immutable version from FDL YAML ({fdl}) or the editor graph ({data})")
    @APIResponse(responseCode = "201", description = "the version", content = @Content(schema = @Schema(implementation = VersionSummary.class)))
    @APIResponse(responseCode = "422", description = "INVALID_FLOW with diagnostics, nothing stored (YAML, or JSON "
            + "not of the editor's shape); an editor graph that does not validate is stored as a draft: 201 with valid false")
    public Uni<Response> createVersion(@PathParam("id") String id, CreateVersionRequest body) {
        if (body == null) throw ApiException.badRequest("BAD_REQUEST", "a JSON body {fdl} or {data} is required");
        return versions.create(caller(), flowId(id), body.fdl(), body.data(), body.label())
                .map(v -> Response.status(201).entity(Views.created(v)).build());
    }

    @GET
    @Path("{id}/versions/{versionId}")
    @RolesAllowed("viewer")
    @Operation(summary = "Get a version with its FDL text and editor graph")
    public Uni<VersionView> getVersion(@PathParam("id") String id, @PathParam("versionId") String versionId) {
        return versions.get(caller(), flowId(id), Ids.parse(versionId, "Version")).map(Views::version);
    }

    @DELETE
    @Path("{id}/versions/{versionId}")
    @RolesAllowed("editor")
    @Operation(summary = "Delete a version")
    @APIResponse(responseCode = "409", description = "VERSION_PUBLISHED: it is the published version")
    public Uni<DeleteVersionResponse> deleteVersion(@PathParam("id") String id, @PathParam("versionId") String versionId) {
        UUID flowId = flowId(id);
        UUID vid = Ids.parse(versionId, "Version");
        return versions.delete(caller(), flowId, vid)
                .map(x -> new DeleteVersionResponse(true, flowId.toString(), vid.toString()));
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed("editor")
    @Operation(summary = "Publish a version of the flow")
    public Uni<PublishStatus> publish(@PathParam("id") String id, PublishRequest body) {
        if (body == null || body.versionId() == null) throw ApiException.badRequest("BAD_REQUEST", "version_id is required");
        return flows.publish(caller(), flowId(id), Ids.parse(body.versionId(), "Version")).map(Views::publish);
    }

    @POST
    @Path("{id}/unpublish")
    @RolesAllowed("editor")
    @Operation(summary = "Withdraw the published version")
    public Uni<PublishStatus> unpublish(@PathParam("id") String id) {
        return flows.unpublish(caller(), flowId(id)).map(Views::publish);
    }

    @GET
    @Path("{id}/publish-status")
    @RolesAllowed("viewer")
    @Operation(summary = "Whether and which version is published")
    public Uni<PublishStatus> publishStatus(@PathParam("id") String id) {
        return flows.find(caller(), flowId(id)).map(Views::publish);
    }

    /** {@code ?published=true|false} (the editor's Published page); absent or empty: no filter. */
    static Boolean publishedFilter(String published) {
        if (published == null || published.isBlank()) return null;
        return switch (published.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw ApiException.badRequest("INVALID_REQUEST", "published must be true or false");
        };
    }

    private Caller caller() {
        return Callers.of(user);
    }

    private static UUID flowId(String id) {
        return Ids.parse(id, "Flow");
    }
}
