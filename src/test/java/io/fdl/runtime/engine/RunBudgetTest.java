package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.port.ToolException;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.fdl.runtime.engine.Dsl.F;
import static io.fdl.runtime.engine.Harness.outcome;
import static io.fdl.runtime.engine.MockedRunTest.yaml;
import static org.junit.jupiter.api.Assertions.*;

/** Every run has a budget and ends: retained bytes, steps, wall clock even when CPU-bound (issue 14). */
class RunBudgetTest {

    /** The loop bomb of issue 14: each step is inside the GML limits, the accumulation is not. */
    static final CompiledFlow LOOP_BOMB = yaml("""
            flow:
                name: loop-bomb
                node:
                    l:
                        vars: i = 0, acc = []
                        when: i < 10000
                        node:
                            grow:
                                sets: i = i + 1, acc = acc.add('y'.repeat(1000000))
                                with: i
                        with: acc.length()
            """);

    /** 10^4 × 10^4 iterations of an instant node: pure CPU, never waits. */
    static final CompiledFlow NESTED_EACH = yaml("""
            flow:
                name: nested-each
                node:
                    outer:
                        each: "'x'.repeat(10000).split('') => a"
                        node:
                            inner:
                                each: "'x'.repeat(10000).split('') => b"
                                node:
                                    work:
                                        with: a + b
            """);

    @Test
    void loopBombFailsOnRetainedBytesAndKeepsNothing() {
        Harness h = new Harness();
        RunOutcome o = outcome(h.start(LOOP_BOMB, F.objectNode()));
        assertEquals(RunStatus.FAILED, o.status());
        assertEquals("RUN_LIMIT_EXCEEDED", o.error().code());
        assertTrue(o.error().message().contains("run_max_bytes"), o.error().message());
        assertEquals(0, o.context().size(), "an over-budget run returns none of its values");
        assertTrue(o.nodes().size() < 100, "it stopped after a few dozen MiB, not 10 000 iterations: " + o.nodes().size());
    }

    @Test
    void iterationValuesAreGivenBackWhenTheIterationEnds() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: churn
                    node:
                        l:
                            vars: i = 0
                            when: i < 200
                            node:
                                big:
                                    with: "'y'.repeat(1000000)"
                                    sets: i = i + 1
                            with: i
                """);
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertEquals(RunStatus.COMPLETED, o.status(), () -> o.toJson().toString());
        assertEquals(200, o.result().asInt(), "200 MB were built, never more than one MB retained");
    }

    @Test
    void runsShareOneProcessPoolAndGiveItBackWhenTheyEnd() {
        Harness h = new Harness();
        MemoryPool pool = new MemoryPool(8L << 20);
        FlowEngine engine = new FlowEngine(h.tools, h.clock, Runnable::run, EngineLimits.DEFAULT, () -> 0.0, pool);
        RunOutcome o = outcome(engine.start(LOOP_BOMB, new RunRequest("p1", F.objectNode(), "t", "b", null, null, 0, null)));
        assertEquals("RUN_LIMIT_EXCEEDED", o.error().code());
        assertTrue(o.error().message().contains("run_pool_bytes"), o.error().message());
        assertEquals(0, pool.reserved(), "an ended run holds nothing");
        RunOutcome ok = outcome(engine.start(NESTED_EACH, new RunRequest("p2", F.objectNode(), "t", "b", null, null, 0, null)
                .withQuota(new RunQuota(2_000L, null))));
        assertEquals("RUN_LIMIT_EXCEEDED", ok.error().code());
        assertEquals(0, pool.reserved());
    }

    @Test
    void stepCapCountsNodesAndIterations() {
        Harness h = new Harness();
        h.limits = EngineLimits.DEFAULT.withRunBudget(1_000, EngineLimits.DEFAULT_MAX_RUN_BYTES);
        RunOutcome o = outcome(h.start(NESTED_EACH, F.objectNode()));
        assertEquals("RUN_LIMIT_EXCEEDED", o.error().code());
        assertTrue(o.error().message().contains("1000 steps") && o.error().message().contains("run_max_steps"), o.error().message());
    }

    @Test
    void aTenantQuotaLowersTheLimitsButNeverRaisesThem() {
        Harness h = new Harness();
        RunRequest small = new RunRequest("q1", F.objectNode(), "t", "b", null, null, 0, null).withQuota(new RunQuota(50L, null));
        RunOutcome steps = outcome(h.engine().start(NESTED_EACH, small));
        assertEquals("RUN_LIMIT_EXCEEDED", steps.error().code());
        assertTrue(steps.error().message().contains("50 steps"), steps.error().message());

        h.limits = EngineLimits.DEFAULT.withRunBudget(EngineLimits.DEFAULT_MAX_RUN_STEPS, 4L << 20);
        RunRequest big = new RunRequest("q2", F.objectNode(), "t", "b", null, null, 0, null)
                .withQuota(new RunQuota(null, 1L << 40));
        RunOutcome bytes = outcome(h.engine().start(LOOP_BOMB, big));
        assertEquals("RUN_LIMIT_EXCEEDED", bytes.error().code());
        assertTrue(bytes.error().message().contains("limit of " + (4L << 20) + " bytes"), bytes.error().message());
    }

    @Test
    void mockedCallRecordsCountAgainstTheBudget() {
        Harness h = new Harness();
        h.limits = EngineLimits.DEFAULT.withRunBudget(EngineLimits.DEFAULT_MAX_RUN_STEPS, 8L << 20);
        CompiledFlow f = yaml("""
                flow:
                    name: calls
                    node:
                        l:
                            vars: i = 0
                            when: i < 1000
                            node:
                                c:
                                    exec: api://svc/c
                                    args: payload = 'z'.repeat(100000)
                                    sets: i = i + 1
                                    with: i
                """);
        RunOutcome o = outcome(h.startMocked(f, F.objectNode(), Dsl.json("{'api://svc/c': 1}")));
        assertEquals("RUN_LIMIT_EXCEEDED", o.error().code(), () -> o.toJson().toString());
        assertTrue(o.calls().isEmpty(), "an over-budget run drops its call records too");
    }

    /** A CPU-bound run yields between slices: its deadline fires and its thread serves other work meanwhile. */
    @Test
    void cpuBoundRunTimesOutWithoutMonopolisingItsThread() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        DefaultScheduler timer = new DefaultScheduler();
        try {
            FlowEngine engine = new FlowEngine(call -> Uni.createFrom().failure(new ToolException("X", "x")), timer, thread,
                    EngineLimits.DEFAULT);
            RunHandle run = engine.start(NESTED_EACH, new RunRequest("cpu", F.objectNode(), "t", "b", null, 1_000L, 0, null));
            CompletableFuture<RunOutcome> done = run.outcomeStage().toCompletableFuture();
            // work queued on the run's only thread after the run started must get its turn while the run goes on
            CompletableFuture<Boolean> other = new CompletableFuture<>();
            timer.schedule(100, () -> thread.execute(() -> other.complete(done.isDone())));
            assertFalse(other.get(60, TimeUnit.SECONDS), "the probe ran while the run was still computing");
            RunOutcome o = done.get(60, TimeUnit.SECONDS);
            assertEquals("EXECUTION_TIMEOUT", o.error().code(), () -> o.toJson().toString());
        } finally {
            thread.shutdownNow();
            timer.close();
        }
    }

    @Test
    void cpuBoundRunCanBeCancelled() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        DefaultScheduler timer = new DefaultScheduler();
        try {
            FlowEngine engine = new FlowEngine(call -> Uni.createFrom().failure(new ToolException("X", "x")), timer, pool,
                    EngineLimits.DEFAULT);
            RunHandle run = engine.start(NESTED_EACH, new RunRequest("cancel", F.objectNode(), "t", "b", null, null, 0, null));
            CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
            timer.schedule(200, () -> cancelled.complete(run.cancel()));
            assertTrue(cancelled.get(60, TimeUnit.SECONDS));
            RunOutcome o = run.outcomeStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            assertEquals(RunStatus.CANCELLED, o.status());
        } finally {
            pool.shutdownNow();
            timer.close();
        }
    }

    @Test
    void bigNodeOutputsArePreviewedWithoutSerialisingThemWhole() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: preview
                    node:
                        big:
                            with: "'q'.repeat(100000).split('')"
                """);
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertEquals(RunStatus.COMPLETED, o.status(), () -> String.valueOf(o.error()));
        ObjectNode d = (ObjectNode) h.events.stream().filter(e -> e.type() == ExecutionEvent.Type.NODE_COMPLETED)
                .findFirst().orElseThrow().data();
        assertTrue(d.get("truncated").asBoolean());
        assertEquals(EngineLimits.DEFAULT.eventOutputMaxChars(), d.get("output").asText().length());
    }
}
