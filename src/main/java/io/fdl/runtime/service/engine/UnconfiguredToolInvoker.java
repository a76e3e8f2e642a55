package io.fdl.runtime.service.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.engine.port.ToolCall;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.engine.port.ToolInvoker;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@link ToolInvoker} used only while no real tool registry bean is deployed (the tools package
 * provides one; as an ordinary bean it replaces this {@link DefaultBean} with no change here).
 * Every real call fails with NOT_FOUND_TOOL: tools.md §2.2 forbids substituting a placeholder result
 * for a tool that cannot be reached. Mocked runs never get here (the engine answers them).
 */
@DefaultBean
@ApplicationScoped
public class UnconfiguredToolInvoker implements ToolInvoker {

    @Override
    public Uni<JsonNode> invoke(ToolCall call) {
        String what = switch (call.type()) {
            case "db" -> "datasource";
            case "flow" -> "flow";
            default -> "service";
        };
        return Uni.createFrom().failure(new ToolException("NOT_FOUND_TOOL",
                "no such " + what + ": " + call.type() + "://" + call.service()));
    }
}
