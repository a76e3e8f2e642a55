package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The end of a run (fdl.md §11.3). In the REST contract {@code result} is {@code outputs} and
 * {@code context} is {@code node_results}.
 *
 * @param executionId    the run
 * @param status         COMPLETED, FAILED or CANCELLED
 * @param result         the shaped result (§11.1–11.2); JSON null unless completed
 * @param context        flow variables (final values) and values published by top-level nodes
 * @param error          null, or {code, message, node}
 * @param calls          mocked runs: every attempt in start order; null for normal runs
 * @param nodes          one record per node execution (capped by {@link EngineLimits#maxNodeRecords()})
 * @param nodesTruncated true when records were dropped because of that cap
 * @param startedAt      epoch ms
 * @param durationMs     wall-clock duration
 */
public record RunOutcome(String executionId, RunStatus status, JsonNode result, ObjectNode context, ErrorInfo error,
                         List<CallRecord> calls, List<NodeRecord> nodes, boolean nodesTruncated, long startedAt,
                         long durationMs) {

    public boolean success() { return status == RunStatus.COMPLETED; }

    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("execution_id", executionId);
        o.put("status", status.wire());
        o.set("result", result == null ? f.nullNode() : result);
        o.set("context", context);
        o.set("error", error == null ? f.nullNode() : error.toJson());
        if (calls != null) {
            ArrayNode a = o.putArray("calls");
            calls.forEach(c -> a.add(c.toJson()));
        }
        ArrayNode n = o.putArray("nodes");
        nodes.forEach(r -> n.add(r.toJson()));
        if (nodesTruncated) o.put("nodes_truncated", true);
        o.put("duration_ms", durationMs);
        return o;
    }
}
