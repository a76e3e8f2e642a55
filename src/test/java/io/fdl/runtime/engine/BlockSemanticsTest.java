package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.fdl.runtime.engine.Dsl.F;
import static io.fdl.runtime.engine.Dsl.json;
import static io.fdl.runtime.engine.Dsl.assertJson;
import static io.fdl.runtime.engine.Harness.outcome;
import static io.fdl.runtime.engine.MockedRunTest.yaml;
import static org.junit.jupiter.api.Assertions.*;

/** Each/loop bodies, scopes and limits with real FDL + GML (fdl.md §5, §10), on a fake clock. */
class BlockSemanticsTest {

    @Test
    void eachCapFailsBeforeAnyIteration() {
        Harness h = new Harness();
        h.limits = EngineLimits.DEFAULT.withMaxIterations(3);
        CompiledFlow f = yaml("""
                flow:
                    name: cap
                    args:
                        in:
                            items: any[]
                    node:
                        e:
                            each: items => x
                            node:
                                c:
                                    exec: api://svc/c
                            fail: h
                        h:
                            with: e.error
                """);
        RunOutcome ok = outcome(h.startMocked(f, json("{'items':[1,2,3]}"), json("{'api://svc/c': 1}")));
        assertEquals(RunStatus.COMPLETED, ok.status());
        assertEquals(3, ok.calls().size());
        assertTrue(ok.result().isNull(), "h is dead: e completed");
        Harness h2 = new Harness();
        h2.limits = h.limits;
        RunOutcome o = outcome(h2.startMocked(f, json("{'items':[1,2,3,4]}"), json("{'api://svc/c': 1}")));
        assertEquals("ITERATION_LIMIT", o.result().get("code").asText());
        assertTrue(o.calls().isEmpty());
    }

    @Test
    void loopCapFailsWhenWhenStillHolds() {
        Harness h = new Harness();
        h.limits = EngineLimits.DEFAULT.withMaxIterations(5);
        CompiledFlow f = yaml("""
                flow:
                    name: loopcap
                    vars: n = 0
                    node:
                        l:
                            vars: i = 0
                            when: i < limit
                            node:
                                step:
                                    with: i
                                    sets: i = i + 1, n = n + 1
                            with: i
                    args:
                        in:
                            limit: int
                """);
        RunOutcome ok = outcome(h.start(f, json("{'limit':5}")));
        assertEquals(5, ok.result().asInt());
        assertEquals(5, ok.context().get("n").asInt());
        RunOutcome o = outcome(h.start(f, json("{'limit':6}")));
        assertEquals(new ErrorInfo("ITERATION_LIMIT", "loop reached the limit of 5 iterations", "l"), o.error());
        assertEquals(5, o.context().get("n").asInt(), "flow variables keep the updates made so far");
    }

    @Test
    void eachSourceOfWrongTypeIsEvalError() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: bad source
                    node:
                        e:
                            each: "'text' => x"
                            node:
                                m:
                                    with: x
                """);
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertEquals("EVAL_ERROR", o.error().code());
        assertEquals("e", o.error().node());
    }

    @Test
    void nestedLoopAndEachWithParallelNodesAndWaits() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: nested
                    vars: trace = []
                    node:
                        outer:
                            vars: round = 0
                            when: round < 2
                            node:
                                inner:
                                    each: "['a', 'b'] => item, k"
                                    node:
                                        slow:
                                            exec: api://svc/slow
                                            args: item = item, round = round
                                            next: join
                                        pause:
                                            wait: 10ms
                                            next: join
                                        join:
                                            with: item
                                            sets: trace = trace.add(`${round}${item}${k}`)
                                    next: bump
                                bump:
                                    with: round
                                    sets: round = round + 1
                            with: round
                """);
        RunHandle run = h.startMocked(f, F.objectNode(), json("{'api://svc/slow': {'delayMs': 30, 'result': 1}}"));
        assertEquals(List.of("outer", "outer[0]/inner", "outer[0]/inner[0]/slow", "outer[0]/inner[0]/pause"), run.currentNodes());
        h.clock.advance(10);
        assertEquals(List.of("outer", "outer[0]/inner", "outer[0]/inner[0]/slow"), run.currentNodes());
        h.clock.advance(20);
        assertEquals("outer[0]/inner[1]/slow", run.currentNodes().get(2), "iterations are sequential");
        h.clock.advance(90);
        RunOutcome o = outcome(run);
        assertNotNull(o);
        assertEquals(RunStatus.COMPLETED, o.status());
        assertEquals(2, o.result().asInt());
        assertJson(json("['0a0','0b1','1a0','1b1']"), o.context().get("trace"));
        assertEquals(120, o.durationMs(), "4 iterations × max(30 ms call, 10 ms wait)");
        assertEquals(List.of("outer[0]/inner[0]/slow", "outer[0]/inner[1]/slow", "outer[1]/inner[0]/slow", "outer[1]/inner[1]/slow"),
                o.calls().stream().map(CallRecord::node).toList());
        NodeRecord join = o.nodes().stream().filter(n -> n.path().equals("outer/inner/join")).reduce((a, b) -> b).orElseThrow();
        assertEquals(List.of(1, 1), join.iterations());
        assertFalse(o.context().has("round"));
        assertFalse(o.context().has("inner"));
    }

    @Test
    void parallelSetsUpdatesAreNeverLost() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: races
                    vars: hits = 0, order = []
                    node:
                        a:
                            exec: api://svc/a
                            sets: hits = hits + 1, order = order.add('a')
                            next: done
                        b:
                            exec: api://svc/b
                            sets: hits = hits + 1, order = order.add('b')
                            next: done
                        c:
                            with: 1
                            sets: hits = hits + 1, order = order.add('c')
                            next: done
                        done:
                            with: hits
                """);
        RunHandle run = h.startMocked(f, F.objectNode(), json("{'api://svc/a': {'delayMs': 20}, 'api://svc/b': {'delayMs': 5}}"));
        h.clock.advance(20);
        RunOutcome o = outcome(run);
        assertEquals(3, o.result().asInt());
        assertJson(json("['c','b','a']"), o.context().get("order"), "completion order");
        assertTrue(o.context().get("a").isNull(), "a delay without result answers null, still published");
    }

    @Test
    void bodyValuesAreVisibleOnlyInTheirIterationAndEachVarsOnlyInTheNode() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: scopes
                    node:
                        e:
                            each: "[1, 2] => x"
                            vars: seen = []
                            node:
                                first:
                                    with: prev = second, x = x
                                    next: second
                                second:
                                    with: x * 10
                                    sets: seen = seen.add(first)
                            with: seen
                            next: after
                        after:
                            with: got = e, second = second, x = x, seen = seen
                """);
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertJson(json("[{'prev':null,'x':1},{'prev':null,'x':2}]"), o.context().get("e"));
        JsonNode after = o.result();
        assertTrue(after.get("second").isNull());
        assertTrue(after.get("x").isNull());
        assertTrue(after.get("seen").isNull());
    }

    @Test
    void handledFailureOfEachBodyFailsTheEachNodeOnly() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: each fail
                    node:
                        e:
                            each: "[1, 2, 3] => x"
                            node:
                                c:
                                    exec: api://svc/c
                                    args: x = x
                            with: "'done'"
                            fail: rescue
                        rescue:
                            with: e.error.code + ':' + e.error.message
                """);
        RunOutcome o = outcome(h.startMocked(f, F.objectNode(), json(
                "{'api://svc/c': {'byArgs': [{'args': {'x': 2}, 'result': {'error': {'code': 'HTTP_404', 'message': 'gone'}}}, {'args': {}, 'result': 1}]}}")));
        assertEquals(RunStatus.COMPLETED, o.status());
        assertEquals("HTTP_404:gone", o.result().asText());
        assertEquals(2, o.calls().size(), "no iteration after the failing one");
        assertJson(json("{'error':{'code':'HTTP_404','message':'gone'}}"), o.context().get("e"));
    }

    @Test
    void cancelDuringAnIterationStopsEverything() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: cancel
                    node:
                        l:
                            vars: i = 0
                            when: true
                            node:
                                w:
                                    wait: 1s
                                    next: s
                                s:
                                    with: i
                                    sets: i = i + 1
                """);
        RunHandle run = h.start(f, F.objectNode());
        h.clock.advance(2_500);
        assertEquals(List.of("l", "l[2]/w"), run.currentNodes());
        assertTrue(run.cancel());
        RunOutcome o = outcome(run);
        assertEquals(RunStatus.CANCELLED, o.status());
        assertEquals(0, h.clock.pendingCount());
        assertEquals("cancelled", h.eventTypes().get(h.eventTypes().size() - 1));
        assertEquals(List.of("cancelled", "cancelled"), o.nodes().stream().filter(n -> n.outcome().equals("cancelled")).map(NodeRecord::outcome).toList());
    }

    @Test
    void preparedInputsAreExposed() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: inputs
                    args:
                        in:
                            n: int = 4
                    node:
                        m:
                            with: n + 1
                """);
        RunHandle run = h.start(f, json("{'junk': 1}"));
        assertJson(json("{'tenantId':'t1','buCode':'bu1','n':4}"), run.inputs());
        assertEquals(5, outcome(run).result().asInt());
    }
}
