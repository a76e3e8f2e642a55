package io.fdl.runtime.api;

import io.fdl.runtime.api.dto.ExecutionDtos.AsyncExecution;
import io.fdl.runtime.api.dto.ExecutionDtos.CancelResponse;
import io.fdl.runtime.api.dto.ExecutionDtos.EventList;
import io.fdl.runtime.api.dto.ExecutionDtos.ExecuteRequest;
import io.fdl.runtime.api.dto.ExecutionDtos.ExecutionList;
import io.fdl.runtime.api.dto.ExecutionDtos.StatusView;
import io.fdl.runtime.api.dto.ExecutionDtos.SyncExecution;
import io.fdl.runtime.api.admin.Params;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.auth.CurrentUser;
import io.fdl.runtime.service.Caller;
import io.fdl.runtime.service.ExecutionEventLog;
import io.fdl.runtime.service.ExecutionService;
import io.fdl.runtime.service.Ids;
import io.fdl.runtime.service.Offload;
import io.fdl.runtime.service.VersionService;
import io.fdl.runtime.store.ExecutionStatus;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** Executions (api.md §5). */
// every method returns a Uni over the reactive store: keep it on the event loop (CPU work is offloaded)
@NonBlocking
@Path("/api/execute")
@Tag(name = "Executions")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {
    static final int MAX_IDEMPOTENCY_KEY = 255;
    static final int MAX_EVENTS_PAGE = 1000;

    @Inject
    CurrentUser user;
    @Inject
    ExecutionService executions;
    @Inject
    VersionService versions;
    @Inject
    ExecutionEventLog eventLog;

    @POST
    @Path("run")
    @RolesAllowed("executor")
    @Operation(summary = "Run a definition sent with the request ({fdl} or {flow}); flow_id is reported as \"direct\"")
    @APIResponse(responseCode = "200", description = "sync result", content = @Content(schema = @Schema(implementation = SyncExecution.class)))
    @APIResponse(responseCode = "202", description = "async: started", content = @Content(schema = @Schema(implementation = AsyncExecution.class)))
    @APIResponse(responseCode = "400", description = "INVALID_INPUTS with validation_errors")
    @APIResponse(responseCode = "422", description = "INVALID_FLOW with diagnostics")
    @APIResponse(responseCode = "429", description = "too many executions on this replica (Retry-After) or QUOTA_EXCEEDED")
    public Uni<Response> runDirect(@HeaderParam("Idempotency-Key") String idempotencyKey, ExecuteRequest body) {
        ExecuteRequest req = body(body);
        Caller caller = caller(req);
        checkMocks(caller, req);
        String key = idempotencyKey(idempotencyKey);
        VersionService.requireOneDefinition(req.fdl(), req.flow(), "flow");
        return Offload.cpu(() -> versions.prepare(req.fdl(), req.flow()))
                .chain(p -> run(caller, ExecutionService.directTarget(p.compiled()), req, key));
    }

    @POST
    @Path("{flowId}")
    @RolesAllowed("executor")
    @Operation(summary = "Run the latest version of a flow")
    @APIResponse(responseCode = "200", description = "sync result (also for a failed run: status failed)", content = @Content(schema = @Schema(implementation = SyncExecution.class)))
    @APIResponse(responseCode = "202", description = "async: started; Location names the status", content = @Content(schema = @Schema(implementation = AsyncExecution.class)))
    @APIResponse(responseCode = "400", description = "INVALID_INPUTS with validation_errors")
    @APIResponse(responseCode = "403", description = "mocks need the editor role")
    @APIResponse(responseCode = "404", description = "unknown flow, another tenant's, or no version")
    @APIResponse(responseCode = "429", description = "too many executions on this replica (Retry-After) or QUOTA_EXCEEDED")
    public Uni<Response> runLatest(@PathParam("flowId") String flowId,
                                   @HeaderParam("Idempotency-Key") String idempotencyKey, ExecuteRequest body) {
        return runStored(Ids.parse(flowId, "Flow"), null, idempotencyKey, body);
    }

    @POST
    @Path("{flowId}/version/{versionId}")
    @RolesAllowed("executor")
    @Operation(summary = "Run a given version of a flow")
    @APIResponse(responseCode = "200", description = "sync result", content = @Content(schema = @Schema(implementation = SyncExecution.class)))
    @APIResponse(responseCode = "202", description = "async: started", content = @Content(schema = @Schema(implementation = AsyncExecution.class)))
    @APIResponse(responseCode = "404", description = "unknown flow or version")
    public Uni<Response> runVersion(@PathParam("flowId") String flowId, @PathParam("versionId") String versionId,
                                    @HeaderParam("Idempotency-Key") String idempotencyKey, ExecuteRequest body) {
        return runStored(Ids.parse(flowId, "Flow"), Ids.parse(versionId, "Version"), idempotencyKey, body);
    }

    @GET
    @Path("status/{executionId}")
    @RolesAllowed("viewer")
    @Operation(summary = "Status of an execution (result when finished)")
    public Uni<StatusView> status(@PathParam("executionId") String executionId) {
        return executions.status(caller(), Ids.parse(executionId, "Execution")).map(Views::status);
    }

    @GET
    @Path("{executionId}/events")
    @RolesAllowed("viewer")
    @Operation(summary = "The execution's event log after a seq (catch up after a disconnect)")
    public Uni<EventList> events(@PathParam("executionId") String executionId,
                                 @QueryParam("after_seq") String afterSeqParam,
                                 @QueryParam("limit") String limitParam) {
        long afterSeq = Params.longParam("after_seq", afterSeqParam, 0);
        int limit = Params.intParam("limit", limitParam, 500);
        if (afterSeq < 0) throw ApiException.badRequest("BAD_REQUEST", "after_seq must not be negative");
        if (limit < 1 || limit > MAX_EVENTS_PAGE) {
            throw ApiException.badRequest("BAD_REQUEST", "limit must be between 1 and " + MAX_EVENTS_PAGE);
        }
        Caller caller = caller();
        return executions.find(caller, Ids.parse(executionId, "Execution"))
                .chain(e -> eventLog.read(caller.tenantId(), e.id(), afterSeq, limit))
                .map(list -> new EventList(list.stream().map(Views::event).toList()));
    }

    @POST
    @Path("cancel/{executionId}")
    @RolesAllowed("executor")
    @Operation(summary = "Cancel a running execution")
    @APIResponse(responseCode = "409", description = "EXECUTION_FINISHED: it already finished")
    public Uni<CancelResponse> cancel(@PathParam("executionId") String executionId) {
        return executions.cancel(caller(), Ids.parse(executionId, "Execution"))
                .map(e -> new CancelResponse(e.id().toString(), e.status().wire()));
    }

    @POST
    @Path("{executionId}/retry")
    @RolesAllowed("executor")
    @Operation(summary = "Redrive a failed or cancelled execution",
            description = "Runs the same version with the same inputs as a NEW execution linked to this one "
                    + "(retry_of). The recorded results of the tool calls that succeeded are reused: only the "
                    + "failed step and what follows it run again. Body (optional): {\"async_mode\": true}.")
    @APIResponse(responseCode = "200", description = "sync result of the new execution", content = @Content(schema = @Schema(implementation = SyncExecution.class)))
    @APIResponse(responseCode = "202", description = "async: the new execution started", content = @Content(schema = @Schema(implementation = AsyncExecution.class)))
    @APIResponse(responseCode = "404", description = "unknown execution or another tenant's")
    @APIResponse(responseCode = "409", description = "EXECUTION_NOT_RETRYABLE: it did not fail and was not cancelled")
    @APIResponse(responseCode = "422", description = "EXECUTION_NOT_RETRYABLE: a direct run or a test run (mocks)")
    public Uni<Response> retry(@PathParam("executionId") String executionId, ExecuteRequest body) {
        ExecuteRequest req = body(body);
        boolean async = Boolean.TRUE.equals(req.asyncMode());
        UUID old = Ids.parse(executionId, "Execution");
        return executions.redrive(caller(), old, async).map(started -> answer(started).header("X-Retry-Of", old.toString()).build());
    }

    @GET
    @Path("list")
    @RolesAllowed("viewer")
    @Operation(summary = "Execution history, newest first")
    public Uni<ExecutionList> list(@Parameter(description = "a flow id") @QueryParam("flow_id") String flowId,
                                   @Parameter(description = "pending|running|waiting|completed|failed|cancelled")
                                   @QueryParam("status") String status,
                                   @QueryParam("limit") String limitParam,
                                   @QueryParam("offset") String offsetParam) {
        int limit = Params.intParam("limit", limitParam, 50);
        int offset = Params.intParam("offset", offsetParam, 0);
        UUID fid = null;
        if (flowId != null && !flowId.isBlank()) {
            try {
                fid = UUID.fromString(flowId.trim());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("BAD_REQUEST", "flow_id must be a flow id");
            }
        }
        ExecutionStatus st = null;
        if (status != null && !status.isBlank()) {
            try {
                st = ExecutionStatus.fromWire(status.trim().toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("BAD_REQUEST", "unknown status " + status);
            }
        }
        return executions.list(caller(), fid, st, limit, offset).map(p -> new ExecutionList(
                p.items().stream().map(Views::summary).toList(), p.total(), p.limit(), p.offset()));
    }

    // ---------------------------------------------------------------------------------------

    private Uni<Response> runStored(UUID flowId, UUID versionId, String idempotencyKey, ExecuteRequest body) {
        ExecuteRequest req = body(body);
        if (req.fdl() != null || (req.flow() != null && !req.flow().isNull())) {
            throw ApiException.badRequest("BAD_REQUEST", "fdl/flow are only accepted by POST /api/execute/run");
        }
        Caller caller = caller(req);
        checkMocks(caller, req);
        String key = idempotencyKey(idempotencyKey);
        return executions.storedTarget(caller, flowId, versionId).chain(t -> run(caller, t, req, key));
    }

    private Uni<Response> run(Caller caller, ExecutionService.Target target, ExecuteRequest req, String key) {
        boolean async = Boolean.TRUE.equals(req.asyncMode());
        var cmd = new ExecutionService.Command(caller, target, req.inputs(), async, mocks(req), req.timeoutMs(), key);
        return executions.execute(cmd).map(started -> answer(started).build());
    }

    /** 200 with the result of a finished run, else 202 with the status to poll (Location). */
    private static Response.ResponseBuilder answer(ExecutionService.Started started) {
        if (started.finished()) return Response.ok(Views.sync(started.execution()));
        return Response.status(202).location(URI.create("/api/execute/status/" + started.execution().id()))
                .entity(Views.async(started.execution()));
    }

    private static ExecuteRequest body(ExecuteRequest body) {
        return body != null ? body : new ExecuteRequest(null, false, null, null, null, null, null);
    }

    private static com.fasterxml.jackson.databind.JsonNode mocks(ExecuteRequest req) {
        return req.mocks() == null || req.mocks().isNull() ? null : req.mocks();
    }

    /** Mocked runs are test runs: editor and above (api.md §5). */
    private static void checkMocks(Caller caller, ExecuteRequest req) {
        if (mocks(req) != null && !caller.atLeast(Caller.EDITOR)) {
            throw ApiException.forbidden("Runs with mocks need the editor role");
        }
    }

    private static String idempotencyKey(String key) {
        if (key == null || key.isBlank()) return null;
        if (key.length() > MAX_IDEMPOTENCY_KEY) {
            throw ApiException.badRequest("BAD_REQUEST", "Idempotency-Key is longer than " + MAX_IDEMPOTENCY_KEY);
        }
        return key.strip();
    }

    private Caller caller() {
        return Callers.of(user);
    }

    private Caller caller(ExecuteRequest req) {
        return Callers.of(user, req.tenantId());
    }
}
