package io.fdl.runtime.engine.port;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One attempt of a tool call (tools.md §2).
 *
 * @param callKey        interpolated exec URI without its query string, e.g. {@code api://crm/customers/C7}
 * @param type           {@code api}, {@code db} or {@code flow}
 * @param service        the service / datasource / flow part after {@code type://}, interpolated
 * @param path           the path after the service (may be empty), interpolated, {@code {name}} placeholders kept
 * @param method         the {@code method=} option (api only), or null
 * @param args           the argument object as the node built it (never null)
 * @param timeoutMs      effective per-attempt timeout in ms
 * @param attempt        1-based attempt number
 * @param idempotencyKey stable across the retries of one node execution (tools.md §2.3)
 * @param caller         who is calling: tenant, execution, node, sub-flow depth
 */
public record ToolCall(String callKey, String type, String service, String path, String method,
                       ObjectNode args, long timeoutMs, int attempt, String idempotencyKey, Caller caller) {

    /**
     * @param tenantId    the run's tenant (UUID text)
     * @param buCode      the run's business unit
     * @param executionId the calling execution
     * @param nodePath    path of the calling node, e.g. {@code notify.send}
     * @param flowDepth   0 for a top-level run, +1 per flow:// nesting (fdl.md §13)
     * @param cancellation signalled when the calling run is cancelled (flow:// cancels its child)
     */
    public record Caller(String tenantId, String buCode, String executionId, String nodePath, int flowDepth,
                         CancellationSignal cancellation) {}
}
