package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.fdl.Flow;

import java.util.List;

/**
 * A flow definition prepared for running: immutable, shared by every run of that definition
 * (compile once, run many). Built by {@link FlowCompiler}.
 *
 * @param flow     the validated model
 * @param top      the top-level block as arrays
 * @param inputs   input preparation (fdl.md §4)
 * @param output   result shaping by {@code out} (fdl.md §11.2)
 * @param allNodes node count over all levels
 */
public record CompiledFlow(Flow flow, CompiledBlock top, InputPreparer inputs, OutputShaper output, int allNodes) {

    public String name() { return flow.name(); }

    /** Turns supplied inputs into the run's input values (defaults, coercion) or problems. */
    @FunctionalInterface
    public interface InputPreparer {
        /** @return the values (declared inputs plus tenantId and buCode) or the problems ("field: message") */
        Prepared prepare(JsonNode supplied, String tenantId, String buCode);
    }

    /** Exactly one of values / problems is meaningful: problems non-empty means rejected. */
    public record Prepared(ObjectNode values, List<String> problems) {}

    @FunctionalInterface
    public interface OutputShaper {
        /** @return the shaped value, or the problems of §11.2 */
        Shaped shape(JsonNode result);
    }

    public record Shaped(JsonNode value, List<String> problems) {}
}
