package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.engine.port.ToolCall;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.engine.port.ToolInvoker;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic engine for tests: fake clock, tasks run on the calling thread, a controllable
 * tool invoker and an event recorder.
 */
final class Harness {
    final ManualScheduler clock = new ManualScheduler();
    final Tools tools = new Tools();
    final List<ExecutionEvent> events = Collections.synchronizedList(new ArrayList<>());
    EngineLimits limits = EngineLimits.DEFAULT;
    double jitter = 0.0;

    FlowEngine engine() { return new FlowEngine(tools, clock, Runnable::run, limits, () -> jitter); }

    RunHandle start(CompiledFlow flow, JsonNode inputs) {
        return engine().start(flow, new RunRequest("run-1", inputs, "t1", "bu1", null, null, 0, events::add));
    }

    RunHandle startMocked(CompiledFlow flow, JsonNode inputs, JsonNode mocks) {
        return engine().start(flow, new RunRequest("run-1", inputs, "t1", "bu1", mocks, null, 0, events::add));
    }

    static RunOutcome outcome(RunHandle h) {
        return h.outcomeStage().toCompletableFuture().getNow(null);
    }

    List<String> eventTypes() { return events.stream().map(e -> e.type().wire() + (e.nodeId() == null ? "" : ":" + e.nodeId())).toList(); }

    /** Real-tool double: each call is pending until the test answers it (or answers at once via {@link #auto}). */
    static final class Tools implements ToolInvoker {
        final List<Pending> calls = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        java.util.function.Function<ToolCall, JsonNode> auto;

        @Override
        public Uni<JsonNode> invoke(ToolCall call) {
            if (auto != null) {
                try { return Uni.createFrom().item(auto.apply(call)); } catch (ToolException e) { return Uni.createFrom().failure(e); }
            }
            return Uni.createFrom().emitter(em -> {
                Pending p = new Pending(call, em);
                int n = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(n, Math::max);
                em.onTermination(() -> { if (!p.finished) { p.cancelled = true; inFlight.decrementAndGet(); } });
                calls.add(p);
            });
        }

        Pending last() { return calls.get(calls.size() - 1); }

        List<Pending> open() { return calls.stream().filter(p -> !p.finished && !p.cancelled).toList(); }

        final class Pending {
            final ToolCall call;
            final UniEmitter<? super JsonNode> em;
            volatile boolean finished, cancelled;

            Pending(ToolCall call, UniEmitter<? super JsonNode> em) { this.call = call; this.em = em; }

            void ok(JsonNode v) { finished = true; inFlight.decrementAndGet(); em.complete(v); }
            void error(String code, String msg) { finished = true; inFlight.decrementAndGet(); em.fail(new ToolException(code, msg)); }
        }
    }
}
