package io.fdl.runtime.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.config.FdlConfig;
import io.fdl.runtime.engine.CompiledFlow;
import io.fdl.runtime.engine.FlowCompiler;
import io.fdl.runtime.fdl.FdlLimits;
import io.fdl.runtime.fdl.Flow;
import io.fdl.runtime.fdl.FlowDefinitions;
import io.fdl.runtime.fdl.ParseResult;
import io.fdl.runtime.fdl.ValidationOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Binds {@link Definitions} to the fdl package (parsing, validation, both formats, input preparation
 * and result shaping) and to the engine's compiler. A single wait may last as long as a run may
 * (fdl.md §13), so the wait limit follows FDL_EXECUTION_TIMEOUT.
 */
@ApplicationScoped
public class FdlDefinitions implements Definitions {
    private final ValidationOptions options;

    @Inject
    public FdlDefinitions(FdlConfig config) {
        long runLimitMs = Math.max(1, config.executionTimeout()) * 1000L;
        this.options = ValidationOptions.DEFAULT.withLimits(FdlLimits.DEFAULT.withMaxWaitMs(runLimitMs));
    }

    @Override
    public ParseResult parseYaml(String yaml) {
        return FlowDefinitions.parseYaml(yaml, options);
    }

    @Override
    public ParseResult parseEditor(JsonNode graph) {
        return FlowDefinitions.fromEditorJson(graph, options);
    }

    @Override
    public String toYaml(Flow flow) {
        return FlowDefinitions.toYaml(flow);
    }

    @Override
    public JsonNode toEditor(Flow flow) {
        return FlowDefinitions.toEditorJson(flow);
    }

    @Override
    public CompiledFlow compile(Flow flow) {
        // the engine's compiler wires the fdl package's input preparation and result shaping
        return FlowCompiler.compile(flow);
    }
}
