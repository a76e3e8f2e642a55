package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.mock.MockInvoker;
import io.fdl.runtime.engine.port.ToolInvoker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The FDL interpreter (fdl.md §7–§11): non-blocking and event-driven. A run advances only when a
 * node completes, a tool Uni completes or a timer fires; each run is confined to its own serial
 * queue on the shared {@link Executor}, so thousands of runs share a few threads and no run ever
 * sleeps or blocks. Thread-safe; one instance serves every run.
 */
public final class FlowEngine {
    static {
        // Initialise Mutiny's infrastructure (and context propagation, when present) once, on one
        // thread: lazy first use from a pool thread and the timer thread at the same moment can
        // race ("ContextManagerProvider already set") and fail the first calls.
        io.smallrye.mutiny.Uni.createFrom().item(Boolean.TRUE).subscribe().with(x -> { }, e -> { });
        io.smallrye.mutiny.Uni.createFrom().emitter(em -> em.complete(Boolean.TRUE)).subscribe().with(x -> { }, e -> { });
    }

    private final ToolInvoker tools;
    private final Scheduler scheduler;
    private final Executor executor;
    private final EngineLimits limits;
    private final DoubleSupplier jitter;
    private final MemoryPool memory;

    public FlowEngine(ToolInvoker tools, Scheduler scheduler, Executor executor, EngineLimits limits) {
        this(tools, scheduler, executor, limits, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param tools     the real tools (never called for mocked runs)
     * @param scheduler timers and clock
     * @param executor  where run tasks execute (a Vert.x context, a small pool, or a direct executor in tests)
     * @param limits    runtime limits
     * @param jitter    random source in [0, 1) for retry back-off (fixed in tests)
     */
    public FlowEngine(ToolInvoker tools, Scheduler scheduler, Executor executor, EngineLimits limits, DoubleSupplier jitter) {
        this(tools, scheduler, executor, limits, jitter, MemoryPool.halfOfHeap());
    }

    /** As above, with the pool of bytes all runs may retain together ({@link MemoryPool}). */
    public FlowEngine(ToolInvoker tools, Scheduler scheduler, Executor executor, EngineLimits limits, DoubleSupplier jitter,
                      MemoryPool memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.tools = Objects.requireNonNull(tools, "tools");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /**
     * Validates the request and starts the run. Mocks (tools.md §6.4) and inputs (fdl.md §4) are
     * checked here, before any node or event: problems throw {@link InvalidInputsException}
     * (code INVALID_INPUTS, the problem list for {@code validation_errors}). Never blocks.
     */
    public RunHandle start(CompiledFlow flow, RunRequest request) {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(request.executionId(), "executionId");
        List<String> problems = new ArrayList<>();
        ToolInvoker invoker = tools;
        boolean mocked = request.mocks() != null;
        if (mocked) {
            MockInvoker.Parsed parsed = MockInvoker.parse(request.mocks(), scheduler);
            problems.addAll(parsed.problems());
            invoker = parsed.invoker();
        }
        JsonNode supplied = request.inputs() == null || request.inputs().isNull()
                ? JsonNodeFactory.instance.objectNode() : request.inputs();
        ObjectNode values = null;
        if (!supplied.isObject()) {
            problems.add("inputs: must be a JSON object");
        } else {
            CompiledFlow.Prepared p = flow.inputs().prepare(supplied, request.tenantId(), request.buCode());
            if (p.problems() != null) problems.addAll(p.problems());
            values = p.values();
        }
        if (!problems.isEmpty()) throw new InvalidInputsException(problems);
        Run run = new Run(this, flow, request, invoker, mocked, values);
        run.begin();
        return run;
    }

    public EngineLimits limits() { return limits; }
    public Scheduler scheduler() { return scheduler; }
    Executor executor() { return executor; }
    DoubleSupplier jitter() { return jitter; }
    MemoryPool memory() { return memory; }
}
