package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.fdl.Script;
import io.fdl.runtime.gml.GmlContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.fdl.runtime.engine.Dsl.*;
import static io.fdl.runtime.engine.Harness.outcome;
import static org.junit.jupiter.api.Assertions.*;

/** Scheduling, joins, dead paths, failures, timers, retries, cancellation, limits (fdl.md §7–§10, §13). */
class EngineMechanicsTest {

    static Script val(Object v) { return constant("with", Dsl.M.valueToTree(v)); }

    static Script val(String field, Object v) { return constant(field, Dsl.M.valueToTree(v)); }

    static long num(GmlContext c, String name) { JsonNode v = c.get(name); return v == null ? 0 : v.asLong(); }

    @Test
    void mappingChainPublishesAndResultIsTheTerminalNode() {
        Harness h = new Harness();
        CompiledFlow f = flow()
                .mapping("a", val(1)).next("b").end()
                .mapping("b", js("with", c -> F.numberNode(num(c, "a") + 1))).next("c").end()
                .mapping("c", js("with", c -> F.numberNode(num(c, "b") * 10))).end()
                .compiled();
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertEquals(RunStatus.COMPLETED, o.status());
        assertEquals(20, o.result().asInt());
        assertEquals("{\"a\":1,\"b\":2,\"c\":20}", o.context().toString());
        assertEquals(3, o.nodes().size());
    }

    @Test
    void joinRunsOnceAfterUnequalBranches() {
        Harness h = new Harness();
        CompiledFlow f = flow()
                .tool("fast", "svc", "fast").next("join").end()
                .waitNode("slow", 300).next("slow2").end()
                .mapping("slow2", val("s")).next("join").end()
                .mapping("join", js("with", c -> {
                    ObjectNode o = F.objectNode();
                    o.set("fast", c.get("fast"));
                    o.set("slow2", c.get("slow2"));
                    return o;
                })).end()
                .compiled();
        RunHandle run = h.start(f, F.objectNode());
        assertEquals(1, h.tools.calls.size());
        h.clock.advance(100);
        h.tools.last().ok(F.textNode("f"));
        assertNull(outcome(run), "join must wait for the slow branch");
        assertEquals(RunStatus.WAITING, run.status());
        assertEquals(List.of("slow"), run.currentNodes());
        h.clock.advance(200);
        RunOutcome o = outcome(run);
        assertEquals(RunStatus.COMPLETED, o.status());
        assertEquals(json("{'fast':'f','slow2':'s'}"), o.result());
        assertEquals(1, o.nodes().stream().filter(n -> n.path().equals("join")).count());
        assertEquals(1_700_000_000_300L, o.nodes().stream().filter(n -> n.path().equals("join")).findFirst().orElseThrow().startedAt());
    }

    @Test
    void deadPathsPropagateThroughConditionSoTheJoinNeverHangs() {
        Harness h = new Harness();
        CompiledFlow f = flow()
                .condition("c", val("when", true)).then("yes").orElse("no").end()
                .mapping("yes", val("Y")).next("join").end()
                .mapping("no", val("N")).next("no2").end()
                .mapping("no2", val("N2")).next("join").end()
                .mapping("join", js("with", c -> F.textNode(String.valueOf(c.get("yes")) + "/" + c.get("no2")))).end()
                .compiled();
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertEquals(RunStatus.COMPLETED, o.status());
        assertEquals("\"Y\"/null", o.result().asText());
        assertFalse(o.context().has("no"));
        assertFalse(o.context().has("c"), "a condition publishes no value");
        assertEquals(List.of("dead", "dead"), o.nodes().stream().filter(n -> n.path().startsWith("no")).map(NodeRecord::outcome).toList());
        assertTrue(h.eventTypes().contains("node_skipped:no2"));
        assertEquals("dead", h.events.stream().filter(e -> "no".equals(e.nodeId())).findFirst().orElseThrow().data().get("reason").asText());
    }

    @Test
    void conditionWithoutElseEndsTheBranchAndNullIsFalsy() {
        Harness h = new Harness();
        CompiledFlow f = flow()
                .condition("c", read("when", "missing")).then("yes").end()
                .mapping("yes", val("Y")).end()
                .compiled();
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertEquals(RunStatus.COMPLETED, o.status());
        assertTrue(o.result().isNull());
        assertEquals("dead", o.nodes().get(1).outcome());
    }

    @Test
    void caseTakesFirstTruthyEntryThenElse() {
        for (int pick = 0; pick < 3; pick++) {
            Harness h = new Harness();
            int p = pick;
            CompiledFlow f = flow()
                    .caseNode("route").when(js("case[0].when", c -> F.booleanNode(p == 0)), "a")
                    .when(js("case[1].when", c -> F.booleanNode(p <= 1)), "b", "a").orElse("z").end()
                    .mapping("a", val("A")).end()
                    .mapping("b", val("B")).end()
                    .mapping("z", val("Z")).end()
                    .compiled();
            RunOutcome o = outcome(h.start(f, F.objectNode()));
            assertEquals(RunStatus.COMPLETED, o.status());
            String expected = switch (p) { case 0 -> "{'a':'A'}"; case 1 -> "{'a':'A','b':'B'}"; default -> "{'z':'Z'}"; };
            assertEquals(json(expected), o.context(), "pick " + p);
            // several candidates → the one declared last
            assertEquals(p == 0 ? "A" : p == 1 ? "B" : "Z", o.result().asText());
        }
    }

    @Test
    void onlyFalsySkipsTheNodeAndContinuesWithNext() {
        Harness h = new Harness();
        CompiledFlow f = flow()
                .tool("call", "svc", "x").only(val("only", 0)).next("after").end()
                .mapping("after", js("with", c -> F.booleanNode(c.get("call") == null))).end()
                .compiled();
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertEquals(RunStatus.COMPLETED, o.status());
        assertTrue(o.result().asBoolean());
        assertTrue(h.tools.calls.isEmpty());
        assertEquals("skipped", o.nodes().get(0).outcome());
        assertEquals("only", h.events.stream().filter(e -> e.type() == ExecutionEvent.Type.NODE_SKIPPED).findFirst().orElseThrow().data().get("reason").asText());
    }

    @Test
    void failHandlerPublishesErrorAndKillsNextEdge() {
        Harness h = new Harness();
        CompiledFlow f = flow()
                .tool("price", "pricing", "quote").fail("fallback").next("result").end()
                .mapping("fallback", js("with", c -> c.get("price").get("error").get("code"))).next("result").end()
                .mapping("result", js("with", c -> F.textNode("via " + c.get("fallback").asText()))).end()
                .compiled();
        RunHandle run = h.start(f, F.objectNode());
        h.tools.last().error("HTTP_404", "not there");
        RunOutcome o = outcome(run);
        assertEquals(RunStatus.COMPLETED, o.status());
        assertEquals(json("{'error':{'code':'HTTP_404','message':'not there'}}"), o.context().get("price"));
        assertEquals("via HTTP_404", o.result().asText());
        assertEquals("handled", o.nodes().get(0).outcome());
        assertEquals(1, o.nodes().stream().filter(n -> n.path().equals("result")).count());
    }

    @Test
    void successKillsTheFailEdge() {
        Harness h = new Harness();
        CompiledFlow f = flow()
                .tool("price", "pricing", "quote").fail("fallback").next("result").end()
                .mapping("fallback", val("fb")).next("result").end()
                .mapping("result", js("with", c -> c.get("price"))).end()
                .compiled();
        RunHandle run = h.start(f, F.objectNode());
        h.tools.last().ok(json("{'amount':3}"));
        RunOutcome o = outcome(run);
        assertEquals(json("{'amount':3}"), o.result());
        assertEquals("dead", o.nodes().stream().filter(n -> n.path().equals("fallback")).findFirst().orElseThrow().outcome());
    }

    @Test
    void unhandledFailureFailsTheRunAndCancelsParallelWork() {
        Harness h = new Harness();
        CompiledFlow f = flow()
                .tool("load", "crm", "customer").next("show").end()
                .mapping("show", val(1)).end()
                .waitNode("pause", 60_000).end()
                .compiled();
        RunHandle run = h.start(f, F.objectNode());
        assertEquals(1, h.clock.pendingDeadlines().stream().filter(d -> d == h.clock.nowMillis() + 60_000).count());
        h.tools.last().error("0500", "internal error");
        RunOutcome o = outcome(run);
        assertEquals(RunStatus.FAILED, o.status());
        assertEquals(new ErrorInfo("0500", "internal error", "load"), o.error());
        assertFalse(o.context().has("show"));
        assertEquals(0, h.clock.pendingCount(), "wait and run timers are stopped");
        assertEquals("cancelled", o.nodes().stream().filter(n -> n.path().equals("pause")).findFirst().orElseThrow().outcome());
        assertEquals("failed", h.events.get(h.events.size() - 1).type().wire());
        assertFalse(run.cancel(), "a finished run cannot be cancelled");
    }

    @Test
    void evalErrorWithoutFailFailsRunWithEvalError() {
        Harness h = new Harness();
        CompiledFlow f = flow().mapping("m", failing("with", "division by zero")).end().compiled();
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertEquals("EVAL_ERROR", o.error().code());
        assertTrue(o.error().message().contains("with") && o.error().message().contains("division by zero"), o.error().message());
        assertEquals("m", o.error().node());
    }

    @Test
    void toolArgsMustBeAnObject() {
        Harness h = new Harness();
        CompiledFlow f = flow().tool("t", "svc", "x").args(val("args", List.of(1))).fail("h").end()
                .mapping("h", js("with", c -> c.get("t"))).end().compiled();
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertEquals("EVAL_ERROR", o.result().get("error").get("code").asText());
        assertTrue(h.tools.calls.isEmpty());
    }

    @Test
    void retriesRetryableCodesWithExponentialBackoffAndSameIdempotencyKey() {
        Harness h = new Harness();
        h.jitter = 0.0;
        CompiledFlow f = flow().tool("t", "svc", "x").attempts(4).end().compiled();
        RunHandle run = h.start(f, F.objectNode());
        long t0 = h.clock.nowMillis();
        h.tools.last().error("HTTP_503", "busy");
        assertEquals(RunStatus.WAITING, run.status(), "a back-off counts as waiting");
        h.clock.advance(199);
        assertEquals(1, h.tools.calls.size());
        h.clock.advance(1);
        assertEquals(2, h.tools.calls.size(), "attempt 2 after 200 ms");
        h.tools.last().error("TIMEOUT", "slow");
        h.clock.advance(400);
        assertEquals(3, h.tools.calls.size(), "attempt 3 after 400 ms more");
        h.tools.last().error("HTTP_429", "later");
        h.clock.advance(800);
        assertEquals(4, h.tools.calls.size());
        h.tools.last().ok(F.textNode("finally"));
        RunOutcome o = outcome(run);
        assertEquals("finally", o.result().asText());
        assertEquals(4, o.nodes().get(0).attempts());
        assertEquals(t0 + 1400, o.nodes().get(0).endedAt());
        List<String> keys = h.tools.calls.stream().map(p -> p.call.idempotencyKey()).distinct().toList();
        assertEquals(List.of("run-1:t"), keys);
        assertEquals(List.of(1, 2, 3, 4), h.tools.calls.stream().map(p -> p.call.attempt()).toList());
    }

    @Test
    void backoffIsCappedAndJittered() {
        Harness h = new Harness();
        h.jitter = 0.5;
        CompiledFlow f = flow().tool("t", "svc", "x").attempts(10).end().compiled();
        RunHandle run = h.start(f, F.objectNode());
        Run r = (Run) run;
        assertEquals(220, r.backoffMs(2));
        assertEquals(440, r.backoffMs(3));
        assertEquals(5_500, r.backoffMs(7)); // 200 × 32 = 6 400 → capped at 5 000, × 1.1
        assertEquals(5_500, r.backoffMs(10));
        run.cancel();
    }

    @Test
    void nonRetryableCodeFailsAtOnceAndLastErrorWins() {
        Harness h = new Harness();
        CompiledFlow f = flow().tool("t", "svc", "x").attempts(3).end().compiled();
        RunHandle run = h.start(f, F.objectNode());
        h.tools.last().error("HTTP_500", "boom");
        h.clock.advance(200);
        h.tools.last().error("BAD_ARGS", "nope");
        RunOutcome o = outcome(run);
        assertEquals(new ErrorInfo("BAD_ARGS", "nope", "t"), o.error());
        assertEquals(2, h.tools.calls.size());
    }

    @Test
    void attemptTimeoutAbandonsTheCallAndIsRetried() {
        Harness h = new Harness();
        CompiledFlow f = flow().tool("t", "svc", "x").timeout(1000).attempts(2).end().compiled();
        RunHandle run = h.start(f, F.objectNode());
        assertEquals(1000, h.tools.last().call.timeoutMs());
        h.clock.advance(1000);
        assertTrue(h.tools.calls.get(0).cancelled, "the timed-out Uni is cancelled");
        h.clock.advance(200);
        assertEquals(2, h.tools.calls.size());
        h.clock.advance(1000);
        RunOutcome o = outcome(run);
        assertEquals("TIMEOUT", o.error().code());
        assertEquals(2, o.nodes().get(0).attempts());
    }

    @Test
    void defaultAttemptTimeoutComesFromTheInvoker() {
        Harness h = new Harness();
        CompiledFlow f = flow().tool("t", "svc", "x").end().compiled();
        RunHandle run = h.start(f, F.objectNode());
        assertEquals(30_000, h.tools.last().call.timeoutMs());
        run.cancel();
    }

    @Test
    void runTimeoutFailsWithExecutionTimeout() {
        Harness h = new Harness();
        CompiledFlow f = flow().waitNode("w", 10_000).end().compiled();
        RunHandle run = h.engine().start(f, new RunRequest("r", F.objectNode(), "t", "b", null, 1_000L, 0, h.events::add));
        h.clock.advance(999);
        assertNull(outcome(run));
        h.clock.advance(1);
        RunOutcome o = outcome(run);
        assertEquals(RunStatus.FAILED, o.status());
        assertEquals("EXECUTION_TIMEOUT", o.error().code());
        assertNull(o.error().node());
        assertEquals(0, h.clock.pendingCount());
    }

    @Test
    void cancelMidWaitStopsTimers() {
        Harness h = new Harness();
        CompiledFlow f = flow().waitNode("w", 10_000).next("after").end().mapping("after", val(1)).end().compiled();
        RunHandle run = h.start(f, F.objectNode());
        h.clock.advance(10);
        assertEquals(RunStatus.WAITING, run.status());
        assertTrue(run.cancel());
        RunOutcome o = outcome(run);
        assertEquals(RunStatus.CANCELLED, o.status());
        assertEquals(new ErrorInfo("CANCELLED", "execution cancelled", null), o.error());
        assertEquals(0, h.clock.pendingCount());
        assertFalse(run.cancel());
        assertEquals("cancelled", h.events.get(h.events.size() - 1).type().wire());
        assertFalse(o.context().has("after"));
    }

    @Test
    void cancelMidCallAbandonsTheUniAndSignalsChildren() {
        Harness h = new Harness();
        CompiledFlow f = flow().tool("t", "svc", "x").end().compiled();
        RunHandle run = h.start(f, F.objectNode());
        Harness.Tools.Pending p = h.tools.last();
        boolean[] childCancelled = {false};
        p.call.caller().cancellation().onCancel(() -> childCancelled[0] = true);
        assertTrue(run.cancel());
        assertTrue(p.cancelled);
        assertTrue(childCancelled[0]);
        assertTrue(p.call.caller().cancellation().isCancelled());
        p.ok(F.textNode("late"));   // a late answer is ignored
        assertEquals(RunStatus.CANCELLED, outcome(run).status());
    }

    @Test
    void concurrencyCapMakesExtraReadyNodesWait() {
        Harness h = new Harness();
        Dsl.BlockB b = flow();
        for (int i = 0; i < 40; i++) b.tool("t" + i, "svc", "x" + i).end();
        RunHandle run = h.start(b.compiled(), F.objectNode());
        assertEquals(32, h.tools.calls.size());
        assertEquals(32, run.currentNodes().size());
        h.tools.calls.get(5).ok(F.numberNode(5));
        assertEquals(33, h.tools.calls.size());
        assertEquals("svc/x32".replace("svc/", "api://svc/"), h.tools.last().call.callKey(), "readiness order");
        while (!h.tools.open().isEmpty()) h.tools.open().get(0).ok(F.numberNode(1));
        assertEquals(RunStatus.COMPLETED, outcome(run).status());
        assertEquals(32, h.tools.maxInFlight.get());
    }

    @Test
    void configurableCap() {
        Harness h = new Harness();
        h.limits = EngineLimits.DEFAULT.withMaxRunningNodes(2);
        Dsl.BlockB b = flow();
        for (int i = 0; i < 5; i++) b.waitNode("w" + i, 100).end();
        RunHandle run = h.start(b.compiled(), F.objectNode());
        assertEquals(2, run.currentNodes().size());
        h.clock.advance(100);
        assertEquals(2, run.currentNodes().size());
        h.clock.advance(200);
        assertEquals(RunStatus.COMPLETED, outcome(run).status());
        assertEquals(h.clock.nowMillis(), 1_700_000_000_300L);
    }

    @Test
    void setsFromParallelNodesAreNeverLostAndFollowCompletionOrder() {
        Harness h = new Harness();
        Script append = js("sets", c -> {
            ObjectNode o = F.objectNode();
            o.set("log", ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("log")).deepCopy().add(c.get("$self")));
            o.put("count", c.get("count").asInt() + 1);
            return o;
        });
        Dsl.BlockB b = flow().vars(js("vars", c -> json("{'log':[],'count':0}")));
        for (String id : List.of("a", "b", "c")) {
            b.tool(id, "svc", id).sets(js("sets", c -> {
                ObjectNode o = F.objectNode();
                o.set("log", ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("log")).deepCopy().add(c.get(id)));
                o.put("count", c.get("count").asInt() + 1);
                return o;
            })).next("join").end();
        }
        b.mapping("join", js("with", c -> c.get("log"))).end();
        RunHandle run = h.start(b.compiled(), F.objectNode());
        h.tools.calls.get(1).ok(F.textNode("b"));
        h.tools.calls.get(2).ok(F.textNode("c"));
        h.tools.calls.get(0).ok(F.textNode("a"));
        RunOutcome o = outcome(run);
        assertEquals(json("['b','c','a']"), o.result());
        assertEquals(3, o.context().get("count").asInt());
        assertNotNull(append);
    }

    @Test
    void toolWithSeesRawResultUnderOwnIdAndSetsRunsFirst() {
        Harness h = new Harness();
        CompiledFlow f = flow().vars(js("vars", c -> json("{'n':0}")))
                .tool("t", "svc", "x")
                .sets(js("sets", c -> { ObjectNode o = F.objectNode(); o.put("n", c.get("t").get("v").asInt()); return o; }))
                .with(js("with", c -> F.numberNode(c.get("n").asInt() * 2))).end()
                .compiled();
        RunHandle run = h.start(f, F.objectNode());
        h.tools.last().ok(json("{'v':21}"));
        RunOutcome o = outcome(run);
        assertEquals(42, o.result().asInt());
        assertEquals(json("{'n':21,'t':42}"), o.context());
    }

    @Test
    void eventsAreCompleteAndInSeqOrder() {
        Harness h = new Harness();
        CompiledFlow f = flow()
                .tool("a", "svc", "a").next("w").end()
                .waitNode("w", 50).next("m").end()
                .mapping("m", val(1)).end()
                .compiled();
        RunHandle run = h.start(f, F.objectNode());
        h.tools.last().ok(F.textNode("A"));
        h.clock.advance(50);
        assertEquals(RunStatus.COMPLETED, outcome(run).status());
        for (int i = 0; i < h.events.size(); i++) assertEquals(i + 1, h.events.get(i).seq());
        assertEquals(List.of("started", "node_started:a", "node_completed:a", "progress", "node_started:w", "waiting:w",
                "node_completed:w", "progress", "node_started:m", "node_completed:m", "progress", "completed"), h.eventTypes());
        ExecutionEvent done = h.events.get(h.events.size() - 1);
        assertEquals(1, done.data().get("outputs").asInt());
        ExecutionEvent comp = h.events.get(2);
        assertEquals("A", comp.data().get("output").asText());
        assertTrue(comp.data().has("duration_ms"));
        ExecutionEvent prog = h.events.get(3);
        assertEquals(1, prog.data().get("completed_nodes").asInt());
        assertEquals(3, prog.data().get("total_nodes").asInt());
        assertEquals("1970-01-01T00:00:00Z".length() > 0, h.events.get(5).data().get("until").asText().endsWith("Z"));
        assertEquals(1.0, run.progress());
    }

    @Test
    void flowVarsErrorFailsRunWithoutNode() {
        Harness h = new Harness();
        CompiledFlow f = flow().vars(failing("vars", "bad")).mapping("m", val(1)).end().compiled();
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertEquals("EVAL_ERROR", o.error().code());
        assertNull(o.error().node());
    }

    @Test
    void inputsMustBeAnObjectAndPreparerProblemsReject() {
        Harness h = new Harness();
        CompiledFlow f = flow().mapping("m", val(1)).end().compiled();
        InvalidInputsException e = assertThrows(InvalidInputsException.class, () -> h.start(f, F.arrayNode()));
        assertEquals("INVALID_INPUTS", e.code());
        CompiledFlow strict = FlowCompiler.compile(f.flow(), (s, t, b) -> new CompiledFlow.Prepared(null,
                List.of("a: required input is missing", "b: expected int, got string 'x'")), r -> new CompiledFlow.Shaped(r, List.of()));
        e = assertThrows(InvalidInputsException.class, () -> h.start(strict, F.objectNode()));
        assertEquals("a: required input is missing; b: expected int, got string 'x'", e.getMessage());
        assertEquals(2, e.problems().size());
        assertTrue(h.events.isEmpty(), "a rejected run emits nothing");
    }

    @Test
    void outputViolationFailsWithOutputInvalidButKeepsContext() {
        Harness h = new Harness();
        CompiledFlow base = flow().mapping("m", val("x")).end().compiled();
        CompiledFlow f = FlowCompiler.compile(base.flow(), base.inputs(), r -> new CompiledFlow.Shaped(null, List.of("expected int, got string 'x'")));
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertEquals("OUTPUT_INVALID", o.error().code());
        assertEquals("x", o.context().get("m").asText());
        assertTrue(o.result().isNull());
    }

    @Test
    void snapshotIsPlainJsonWithPendingTimers() {
        Harness h = new Harness();
        CompiledFlow f = flow().vars(js("vars", c -> json("{'k':1}")))
                .waitNode("w", 5_000).next("m").end().mapping("m", val(1)).end().compiled();
        RunHandle run = h.start(f, json("{'x':1}"));
        ObjectNode snap = run.snapshot().await().indefinitely();
        assertEquals(1, snap.get("variables").get("k").asInt());
        assertEquals(1, snap.get("inputs").get("x").asInt());
        JsonNode top = snap.get("top");
        assertEquals("running", top.get("nodes").get(0).get("state").asText());
        assertEquals("waiting", top.get("nodes").get(1).get("state").asText());
        assertEquals("pending", top.get("edges").get(0).get("state").asText());
        assertEquals(h.clock.nowMillis() + 5_000, top.get("running").get(0).get("timer_deadline").asLong());
        h.clock.advance(5_000);
        snap = run.snapshot().await().indefinitely();
        assertEquals("live", snap.get("top").get("edges").get(0).get("state").asText());
        assertEquals("completed", snap.get("status").asText());
    }
}
