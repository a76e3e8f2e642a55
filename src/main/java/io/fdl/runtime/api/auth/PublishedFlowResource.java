package io.fdl.runtime.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.api.auth.PublishedFlowDtos.ExecuteRequest;
import io.fdl.runtime.api.auth.PublishedFlowDtos.ExecuteResponse;
import io.fdl.runtime.api.auth.PublishedFlowDtos.WebhookRequest;
import io.fdl.runtime.api.auth.PublishedFlowDtos.WebhookResponse;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.auth.ApiKeyService;
import io.fdl.runtime.auth.ApiKeyService.ApiKeyCaller;
import io.fdl.runtime.auth.CurrentUser;
import io.fdl.runtime.service.Caller;
import io.fdl.runtime.service.ExecutionService;
import io.fdl.runtime.store.Execution;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.UUID;

/**
 * The published-flow API (api.md §7): callers authenticate with an API key, not a JWT, and run
 * the flow's published version.
 *
 * <p>{@code wait=false} (default) answers 202 at once with {@code status: "running"}.
 * {@code wait=true} waits up to {@code timeout} seconds (1..300, default 30) and answers 200 with
 * the result; when the run outlasts the wait it keeps running and the answer is 202 with its current
 * status (the run's own time limit is {@code FDL_EXECUTION_TIMEOUT}, not this wait).
 * An {@code Idempotency-Key} header makes retries safe for both routes (keys are scoped to the API
 * key, so two integrations cannot collide).
 */
@Path("/api/v1")
@Tag(name = "Published flows (API keys)")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PublishedFlowResource {
    static final int DEFAULT_WAIT_SECONDS = 30;
    static final int MAX_WAIT_SECONDS = 300;
    static final int MAX_IDEMPOTENCY_KEY = 200;
    static final int MAX_EVENT = 200;

    @Inject
    ApiKeyService keys;
    @Inject
    ExecutionService executions;
    @Inject
    CurrentUser user;

    @POST
    @Path("/flows/{flowId}/execute")
    @Operation(summary = "Run the published version of a flow with an API key")
    @Parameter(name = "X-API-Key", in = ParameterIn.HEADER, description = "the key (or Authorization: Bearer fk_…)")
    @APIResponse(responseCode = "200", description = "finished (also a failed run: status failed)",
            content = @Content(schema = @Schema(implementation = ExecuteResponse.class)))
    @APIResponse(responseCode = "202", description = "started (wait=false) or still running after the wait")
    @APIResponse(responseCode = "400", description = "INVALID_INPUTS / INVALID_REQUEST")
    @APIResponse(responseCode = "401", description = "missing_api_key, invalid_api_key")
    @APIResponse(responseCode = "403", description = "key_inactive, key_expired, flow_mismatch, flow_not_published")
    @APIResponse(responseCode = "404", description = "flow_not_found")
    @APIResponse(responseCode = "429", description = "rate_limited (per key per minute), QUOTA_EXCEEDED; Retry-After")
    public Uni<Response> execute(@PathParam("flowId") String flowId,
                                 @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 @HeaderParam("X-API-Key") String apiKey,
                                 @HeaderParam("Idempotency-Key") String idempotencyKey, ExecuteRequest body) {
        ExecuteRequest req = body != null ? body : new ExecuteRequest(null, null, null);
        boolean wait = Boolean.TRUE.equals(req.waitForResult());
        int waitSeconds = req.timeout() == null ? DEFAULT_WAIT_SECONDS : req.timeout();
        if (waitSeconds < 1 || waitSeconds > MAX_WAIT_SECONDS) {
            throw ApiException.badRequest("INVALID_REQUEST", "timeout must be between 1 and " + MAX_WAIT_SECONDS + " seconds");
        }
        JsonNode inputs = req.inputs() == null || req.inputs().isNull() ? JsonNodeFactory.instance.objectNode() : req.inputs();
        if (!inputs.isObject()) throw ApiException.badRequest("INVALID_REQUEST", "inputs must be a JSON object");
        checkIdempotencyKey(idempotencyKey);
        return keys.authenticate(authorization, apiKey, flowId).chain(k -> {
            Caller caller = caller(k);
            String key = idempotencyKey == null ? null : idempotency(k, idempotencyKey);
            return executions.storedTarget(caller, k.flow().id(), k.flow().publishedVersionId())
                    .chain(target -> executions.execute(new ExecutionService.Command(caller, target, inputs, true,
                            null, null, key)))
                    .chain(started -> !wait || started.execution().status().terminal()
                            ? Uni.createFrom().item(started.execution())
                            : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(10))
                            // first look after a short pause, off the context that completed the start
                            .chain(() -> awaitFinish(caller, started.execution().id(),
                                    System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos(), 20)))
                    .map(PublishedFlowResource::respond);
        });
    }

    /**
     * Polls the execution's status (live state on this replica, else the stored record, so it also
     * works when another replica runs it) with a growing pause of 10..250 ms until it is finished
     * or the deadline passes. Timers only: no thread waits.
     */
    private Uni<Execution> awaitFinish(Caller caller, UUID executionId, long deadlineNanos, long pauseMs) {
        return executions.status(caller, executionId).chain(e -> {
            long left = deadlineNanos - System.nanoTime();
            if (e.status().terminal() || left <= 0) return Uni.createFrom().item(e);
            long pause = Math.min(pauseMs, Math.max(1, left / 1_000_000));
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(pause))
                    .chain(() -> awaitFinish(caller, executionId, deadlineNanos, Math.min(250, pauseMs * 2)));
        });
    }

    @POST
    @Path("/webhook/{flowId}")
    @Operation(summary = "Deliver a webhook event to a published flow", description = "The flow runs asynchronously "
            + "with input webhook = {event, data}")
    @Parameter(name = "X-API-Key", in = ParameterIn.HEADER, description = "the key (or Authorization: Bearer fk_…)")
    @APIResponse(responseCode = "202", description = "{received: true, execution_id}",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "401", description = "missing_api_key, invalid_api_key")
    @APIResponse(responseCode = "403", description = "key_inactive, key_expired, flow_mismatch, flow_not_published")
    @APIResponse(responseCode = "404", description = "flow_not_found")
    @APIResponse(responseCode = "429", description = "rate_limited; Retry-After")
    public Uni<Response> webhook(@PathParam("flowId") String flowId,
                                 @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 @HeaderParam("X-API-Key") String apiKey,
                                 @HeaderParam("Idempotency-Key") String idempotencyKey, WebhookRequest body) {
        WebhookRequest req = body != null ? body : new WebhookRequest(null, null);
        if (req.event() != null && req.event().length() > MAX_EVENT) {
            throw ApiException.badRequest("INVALID_REQUEST", "event must be at most " + MAX_EVENT + " characters");
        }
        checkIdempotencyKey(idempotencyKey);
        ObjectNode webhook = JsonNodeFactory.instance.objectNode();
        if (req.event() == null) webhook.putNull("event"); else webhook.put("event", req.event());
        webhook.set("data", req.data() == null ? JsonNodeFactory.instance.nullNode() : req.data());
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        inputs.set("webhook", webhook);
        return keys.authenticate(authorization, apiKey, flowId).chain(k -> {
            Caller caller = caller(k);
            return executions.storedTarget(caller, k.flow().id(), k.flow().publishedVersionId())
                    .chain(target -> executions.execute(new ExecutionService.Command(caller, target, inputs, true,
                            null, null, idempotencyKey == null ? null : idempotency(k, idempotencyKey))))
                    .map(started -> Response.status(202)
                            .entity(new WebhookResponse(true, started.execution().id().toString())).build());
        });
    }

    /** The services' caller for an API key: the key's tenant and the tenant's bu_code, role executor. */
    private Caller caller(ApiKeyCaller k) {
        user.actAs(k.principal());
        return new Caller(UUID.fromString(k.principal().tenantId()), k.principal().tenantClaim(),
                k.principal().buCode(), k.principal().username(), k.principal().roles());
    }

    private static String idempotency(ApiKeyCaller k, String clientKey) {
        return "apikey:" + k.key().id() + ":" + clientKey.trim();
    }

    private static void checkIdempotencyKey(String key) {
        if (key != null && (key.length() > MAX_IDEMPOTENCY_KEY || key.isBlank()
                || key.chars().anyMatch(Character::isISOControl))) {
            throw ApiException.badRequest("INVALID_REQUEST",
                    "Idempotency-Key must be 1.." + MAX_IDEMPOTENCY_KEY + " printable characters");
        }
    }

    private static Response respond(Execution e) {
        JsonNode outputs = e.result() == null ? null : e.result().get("outputs");
        ExecuteResponse body = new ExecuteResponse(e.id().toString(), e.status().wire(),
                outputs == null || outputs.isMissingNode() ? null : outputs, e.error(), e.durationMs());
        return Response.status(e.status().terminal() ? 200 : 202).entity(body).build();
    }
}
