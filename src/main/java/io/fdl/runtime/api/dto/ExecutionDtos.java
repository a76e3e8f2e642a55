package io.fdl.runtime.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of /api/execute/** (api.md §5, editor-json.md §5). */
public final class ExecutionDtos {
    private ExecutionDtos() {}

    /** Body of every execute route; {@code fdl}/{@code flow} only for POST /api/execute/run. */
    @RegisterForReflection
    @Schema(name = "ExecuteRequest")
    public record ExecuteRequest(JsonNode inputs,
                                 @JsonProperty("async_mode") Boolean asyncMode,
                                 @Schema(description = "tools.md §6: turns the run into a test run (editor role and above)")
                                 JsonNode mocks,
                                 @JsonProperty("timeout_ms") Long timeoutMs,
                                 @Schema(description = "run/ only: FDL YAML text") String fdl,
                                 @Schema(description = "run/ only: editor JSON graph") JsonNode flow,
                                 @Schema(description = "ignored except for superadmin (api.md §3.2)")
                                 @JsonProperty("tenant_id") String tenantId) {}

    @RegisterForReflection
    @Schema(name = "ErrorDetail")
    public record ErrorDetail(String code, String message, String node) {}

    /** The run outcome as the editor reads it: {@code error} is the message string. */
    @RegisterForReflection
    @Schema(name = "ExecutionResult")
    public record ExecutionResult(boolean success, JsonNode outputs,
                                  @JsonProperty("node_results") JsonNode nodeResults,
                                  String error,
                                  @JsonProperty("error_detail") ErrorDetail errorDetail,
                                  @JsonProperty("duration_ms") long durationMs,
                                  @Schema(description = "test runs only: every tool-call attempt (tools.md §6.5)")
                                  @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode calls) {}

    @RegisterForReflection
    @Schema(name = "SyncExecution")
    public record SyncExecution(@JsonProperty("execution_id") String executionId,
                                @JsonProperty("flow_id") String flowId,
                                @JsonProperty("flow_name") String flowName,
                                String status, String mode,
                                @Schema(implementation = ExecutionResult.class) JsonNode result) {}

    @RegisterForReflection
    @Schema(name = "AsyncExecution")
    public record AsyncExecution(@JsonProperty("execution_id") String executionId,
                                 @JsonProperty("flow_id") String flowId,
                                 @JsonProperty("flow_name") String flowName,
                                 String status) {}

    @RegisterForReflection
    @Schema(name = "ExecutionStatus")
    public record StatusView(@JsonProperty("execution_id") String executionId,
                             @JsonProperty("flow_id") String flowId,
                             @JsonProperty("version_id") String versionId,
                             @JsonProperty("flow_name") String flowName,
                             String status, double progress,
                             @JsonProperty("current_node") String currentNode,
                             @JsonProperty("current_nodes") List<String> currentNodes,
                             @Schema(implementation = ExecutionResult.class, description = "when finished")
                             JsonNode result, String error,
                             @JsonProperty("error_detail") JsonNode errorDetail,
                             @JsonProperty("started_at") Instant startedAt,
                             @JsonProperty("completed_at") Instant completedAt,
                             String mode,
                             @Schema(description = "the validated inputs the run started with (re-run uses them)")
                             JsonNode inputs) {}

    /** api.md §6.2 event params. */
    @RegisterForReflection
    @Schema(name = "ExecutionEvent")
    public record EventView(@JsonProperty("execution_id") String executionId, long seq,
                            @JsonProperty("event_type") String eventType,
                            @JsonProperty("node_id") @JsonInclude(JsonInclude.Include.NON_NULL) String nodeId,
                            JsonNode data, Instant timestamp) {}

    @RegisterForReflection
    public record EventList(List<EventView> events) {}

    @RegisterForReflection
    public record CancelResponse(@JsonProperty("execution_id") String executionId, String status) {}

    @RegisterForReflection
    @Schema(name = "ExecutionSummary")
    public record ExecutionSummary(@JsonProperty("execution_id") String executionId,
                                   @JsonProperty("flow_id") String flowId,
                                   @JsonProperty("flow_name") String flowName,
                                   String status, double progress,
                                   @JsonProperty("started_at") Instant startedAt,
                                   @JsonProperty("completed_at") Instant completedAt,
                                   @JsonProperty("duration_ms") Long durationMs, String mode) {}

    @RegisterForReflection
    public record ExecutionList(List<ExecutionSummary> executions, long total, int limit, int offset) {}

    @RegisterForReflection
    @Schema(name = "GmlEvaluateRequest")
    public record GmlEvaluateRequest(@Schema(required = true) String expr, JsonNode vars) {}

    @RegisterForReflection
    public record GmlEvaluateResponse(JsonNode result) {}
}
