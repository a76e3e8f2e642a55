package io.fdl.runtime.engine.port;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;

/**
 * The engine's only way to reach the outside world (tools.md). Implementations (api://, db://,
 * flow://, mocks) live in the tools package. Contract:
 * <ul>
 *   <li>{@link #invoke} never blocks the calling thread; the Uni completes with the raw tool
 *       result or fails with a {@link ToolException} carrying a stable code (fdl.md §8.4).</li>
 *   <li>The engine enforces {@link ToolCall#timeoutMs()} itself and cancels the Uni when it
 *       expires (TIMEOUT); cancellation must abandon the in-flight work.</li>
 *   <li>Retries are the engine's job (fdl.md §9.4): one {@code invoke} is one attempt.</li>
 * </ul>
 */
public interface ToolInvoker {

    Uni<JsonNode> invoke(ToolCall call);

    /** The per-attempt timeout when the exec URI has no `timeout` option (fdl.md §9.3). */
    default long defaultTimeoutMs(ToolCall call) {
        return switch (call.type()) {
            case "db" -> 5_000L;
            case "flow" -> 60_000L;
            default -> 30_000L;
        };
    }
}
