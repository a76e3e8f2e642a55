package io.fdl.runtime.service.engine;

import io.fdl.runtime.config.FdlConfig;
import io.fdl.runtime.engine.CompiledFlow;
import io.fdl.runtime.engine.EngineLimits;
import io.fdl.runtime.engine.FlowEngine;
import io.fdl.runtime.engine.MemoryPool;
import io.fdl.runtime.engine.RunHandle;
import io.fdl.runtime.engine.RunRequest;
import io.fdl.runtime.engine.port.ToolInvoker;
import io.fdl.runtime.service.RunStarter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The engine as a Quarkus bean: Vert.x timers, one Vert.x context per run ({@link RunContexts}), and
 * whichever {@link ToolInvoker} bean is deployed (the tools package's registry, else the
 * NOT_FOUND_TOOL default). The run-duration default comes from FDL_EXECUTION_TIMEOUT.
 */
@ApplicationScoped
public class EngineRunner implements RunStarter {
    private final ToolInvoker tools;
    private final VertxScheduler scheduler;
    private final RunContexts contexts;
    private final EngineLimits limits;
    /** shared by every run of the process (a FlowEngine per run must not get a pool of its own) */
    private final MemoryPool memory = MemoryPool.halfOfHeap();

    @Inject
    public EngineRunner(ToolInvoker tools, VertxScheduler scheduler, RunContexts contexts, FdlConfig config) {
        this.tools = tools;
        this.scheduler = scheduler;
        this.contexts = contexts;
        this.limits = EngineLimits.DEFAULT
                .withDefaultRunTimeoutMs(Math.max(1, config.executionTimeout()) * 1000L)
                .withRunBudget(config.runMaxSteps(), config.runMaxBytes());
    }

    @Override
    public RunHandle start(CompiledFlow flow, RunRequest request, boolean onCallerLoop) {
        // a FlowEngine is a stateless holder of its ports: one per run binds the run's serial queue to its context
        FlowEngine engine = new FlowEngine(tools, scheduler, RunContexts.executor(contexts.forRun(onCallerLoop)), limits,
                () -> ThreadLocalRandom.current().nextDouble(), memory);
        return engine.start(flow, request);
    }
}
