package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;

import io.fdl.runtime.engine.port.StepJournal;

import java.util.function.Consumer;

/**
 * What the caller asks the engine to run.
 *
 * @param executionId the run id (used in events, idempotency keys and tool callers)
 * @param inputs      the supplied inputs (must be an object; null counts as {@code {}})
 * @param tenantId    built-in input from the authenticated context (fdl.md §3.5)
 * @param buCode      built-in input from the authenticated context
 * @param mocks       non-null turns the run into a mocked run (tools.md §6), even when empty
 * @param timeoutMs   run duration limit; null or &lt;= 0 → {@link EngineLimits#defaultRunTimeoutMs()}
 * @param flowDepth   0 for a top-level run, +1 per flow:// level
 * @param listener    receives every event of the run in seq order (may be null). Called on the
 *                    run's serial context: it must be quick and must not block.
 * @param quota       the tenant's lower run budget (null: the engine's limits)
 * @param journal     the run's completed steps (null: none); a resumed run replays them instead of
 *                    executing them again
 * @param startedAtMs when the run first started (a resumed run keeps its start, so its timeout
 *                    counts from there); null: now
 */
public record RunRequest(String executionId, JsonNode inputs, String tenantId, String buCode, JsonNode mocks,
                         Long timeoutMs, int flowDepth, Consumer<ExecutionEvent> listener, RunQuota quota,
                         StepJournal journal, Long startedAtMs) {

    public RunRequest(String executionId, JsonNode inputs, String tenantId, String buCode, JsonNode mocks,
                      Long timeoutMs, int flowDepth, Consumer<ExecutionEvent> listener, RunQuota quota) {
        this(executionId, inputs, tenantId, buCode, mocks, timeoutMs, flowDepth, listener, quota, null, null);
    }

    public RunRequest(String executionId, JsonNode inputs, String tenantId, String buCode, JsonNode mocks,
                      Long timeoutMs, int flowDepth, Consumer<ExecutionEvent> listener) {
        this(executionId, inputs, tenantId, buCode, mocks, timeoutMs, flowDepth, listener, null, null, null);
    }

    public static RunRequest of(String executionId, JsonNode inputs, String tenantId, String buCode) {
        return new RunRequest(executionId, inputs, tenantId, buCode, null, null, 0, null);
    }

    public RunRequest withMocks(JsonNode m) { return new RunRequest(executionId, inputs, tenantId, buCode, m, timeoutMs, flowDepth, listener, quota, journal, startedAtMs); }
    public RunRequest withTimeoutMs(Long t) { return new RunRequest(executionId, inputs, tenantId, buCode, mocks, t, flowDepth, listener, quota, journal, startedAtMs); }
    public RunRequest withListener(Consumer<ExecutionEvent> l) { return new RunRequest(executionId, inputs, tenantId, buCode, mocks, timeoutMs, flowDepth, l, quota, journal, startedAtMs); }
    public RunRequest withFlowDepth(int d) { return new RunRequest(executionId, inputs, tenantId, buCode, mocks, timeoutMs, d, listener, quota, journal, startedAtMs); }
    public RunRequest withQuota(RunQuota q) { return new RunRequest(executionId, inputs, tenantId, buCode, mocks, timeoutMs, flowDepth, listener, q, journal, startedAtMs); }
    public RunRequest resuming(StepJournal j, long startedAt) { return new RunRequest(executionId, inputs, tenantId, buCode, mocks, timeoutMs, flowDepth, listener, quota, j, startedAt); }
}
