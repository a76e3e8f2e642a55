package io.fdl.runtime.tools.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.engine.port.ToolCall;
import io.smallrye.mutiny.Uni;

/** flow:// (tools.md §5): runs a published flow of the caller's tenant as a child run. */
public interface FlowToolHandler {
    /** Maximum nesting depth of flow:// calls (tools.md §5). */
    int MAX_DEPTH = 5;

    Uni<JsonNode> invoke(ToolCall call);
}
