package io.fdl.runtime.service.engine;

import io.fdl.runtime.config.FdlConfig;
import io.fdl.runtime.engine.CompiledFlow;
import io.fdl.runtime.engine.EngineLimits;
import io.fdl.runtime.engine.FlowEngine;
import io.fdl.runtime.engine.RunHandle;
import io.fdl.runtime.engine.RunRequest;
import io.fdl.runtime.engine.port.ToolInvoker;
import io.fdl.runtime.service.RunStarter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The engine as a Quarkus bean: Vert.x timers, the worker pool for run tasks, and whichever
 * {@link ToolInvoker} bean is deployed (the tools package's registry, else the NOT_FOUND_TOOL
 * default). The run-duration default comes from FDL_EXECUTION_TIMEOUT.
 */
@ApplicationScoped
public class EngineRunner implements RunStarter {
    private final FlowEngine engine;

    @Inject
    public EngineRunner(ToolInvoker tools, VertxScheduler scheduler, RunExecutor executor, FdlConfig config) {
        EngineLimits limits = EngineLimits.DEFAULT
                .withDefaultRunTimeoutMs(Math.max(1, config.executionTimeout()) * 1000L)
                .withRunBudget(config.runMaxSteps(), config.runMaxBytes());
        this.engine = new FlowEngine(tools, scheduler, executor, limits);
    }

    @Override
    public RunHandle start(CompiledFlow flow, RunRequest request) {
        return engine.start(flow, request);
    }

    public FlowEngine engine() {
        return engine;
    }
}
