package io.fdl.runtime.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.CallRecord;
import io.fdl.runtime.engine.ErrorInfo;
import io.fdl.runtime.engine.RunOutcome;
import io.fdl.runtime.engine.RunStatus;
import io.fdl.runtime.store.ExecutionStatus;

/**
 * The {@code result} object of the sync response and of the status (api.md §5, editor-json.md §5):
 * {@code {success, outputs, node_results, error, error_detail, duration_ms[, calls]}} where
 * {@code error} is the message string and {@code error_detail} is {@code {code, message, node}}.
 * The same JSON is stored as the execution record's result, so every replica answers identically.
 */
public final class ExecutionResults {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ExecutionResults() {}

    public static ObjectNode of(RunOutcome outcome, boolean testMode) {
        ObjectNode o = F.objectNode();
        o.put("success", outcome.success());
        o.set("outputs", outcome.result() == null ? F.nullNode() : outcome.result());
        o.set("node_results", outcome.context() == null ? F.objectNode() : outcome.context());
        ErrorInfo err = outcome.error();
        if (err == null) {
            o.putNull("error");
            o.putNull("error_detail");
        } else {
            o.put("error", err.message());
            o.set("error_detail", err.toJson());
        }
        o.put("duration_ms", outcome.durationMs());
        if (testMode) {
            ArrayNode calls = o.putArray("calls");
            if (outcome.calls() != null) for (CallRecord c : outcome.calls()) calls.add(c.toJson());
        }
        return o;
    }

    /** A result for an execution ended without an engine outcome (cancelled on another replica, rejected). */
    public static ObjectNode failure(String code, String message, long durationMs, boolean testMode) {
        ObjectNode o = F.objectNode();
        o.put("success", false);
        o.putNull("outputs");
        o.set("node_results", F.objectNode());
        o.put("error", message);
        o.set("error_detail", ErrorInfo.of(code, message).toJson());
        o.put("duration_ms", durationMs);
        if (testMode) o.putArray("calls");
        return o;
    }

    public static ExecutionStatus status(RunStatus s) {
        return switch (s) {
            case RUNNING -> ExecutionStatus.RUNNING;
            case WAITING -> ExecutionStatus.WAITING;
            case COMPLETED -> ExecutionStatus.COMPLETED;
            case FAILED -> ExecutionStatus.FAILED;
            case CANCELLED -> ExecutionStatus.CANCELLED;
        };
    }

    /** The error message string of a stored result, or null. */
    public static String errorMessage(JsonNode result) {
        JsonNode e = result == null ? null : result.get("error");
        return e == null || e.isNull() ? null : e.asText();
    }
}
