package io.fdl.runtime.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the published-flow API /api/v1/** (api.md §7). */
public final class PublishedFlowDtos {
    private PublishedFlowDtos() {}

    @RegisterForReflection
    @Schema(name = "V1ExecuteRequest")
    public record ExecuteRequest(@Schema(description = "the flow's inputs (JSON object)") JsonNode inputs,
                                 @Schema(description = "wait for the result (default false: answer 202 at once)")
                                 @JsonProperty("wait") Boolean waitForResult,
                                 @Schema(description = "seconds to wait when wait=true, 1..300, default 30; the run "
                                         + "itself continues past it") Integer timeout) {}

    @RegisterForReflection
    @Schema(name = "V1ExecuteResponse")
    public record ExecuteResponse(@JsonProperty("execution_id") String executionId, String status, JsonNode outputs,
                                  String error, @JsonProperty("duration_ms") Long durationMs) {}

    @RegisterForReflection
    @Schema(name = "V1WebhookRequest")
    public record WebhookRequest(String event, JsonNode data) {}

    @RegisterForReflection
    @Schema(name = "V1WebhookResponse")
    public record WebhookResponse(boolean received, @JsonProperty("execution_id") String executionId) {}
}
