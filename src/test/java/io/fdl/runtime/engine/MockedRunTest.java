package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.engine.mock.MockInvoker;
import io.fdl.runtime.fdl.FlowDefinitions;
import io.fdl.runtime.fdl.ParseResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.fdl.runtime.engine.Dsl.F;
import static io.fdl.runtime.engine.Dsl.json;
import static io.fdl.runtime.engine.Harness.outcome;
import static org.junit.jupiter.api.Assertions.*;

/** Mocked runs (tools.md §6) on a fake clock: directives, failures, call records, validation. */
class MockedRunTest {

    static CompiledFlow yaml(String text) {
        ParseResult r = FlowDefinitions.parseYaml(text);
        assertTrue(r.ok(), () -> r.errors().toString());
        return FlowCompiler.compile(r.flow());
    }

    static final CompiledFlow TWO_PARALLEL = yaml("""
            flow:
                name: two calls
                node:
                    a:
                        exec: api://svc/a
                        next: m
                    b:
                        exec: api://svc/b
                        next: m
                    m:
                        with: a.v + b.v
            """);

    @Test
    void delaysAreTimersAndParallelCallsOverlap() {
        Harness h = new Harness();
        RunHandle run = h.startMocked(TWO_PARALLEL, F.objectNode(),
                json("{'api://svc/a': {'delayMs': 60, 'result': {'v': 1}}, 'api://svc/b': {'delayMs': 60, 'result': {'v': 2}}}"));
        assertNull(outcome(run));
        assertEquals(List.of("a", "b"), run.currentNodes());
        h.clock.advance(60);
        RunOutcome o = outcome(run);
        assertEquals(3, o.result().asInt());
        assertEquals(60, o.durationMs(), "both delays ran at the same time");
        assertEquals(2, o.calls().size());
        CallRecord a = o.calls().get(0);
        assertEquals("api://svc/a", a.uri());
        assertEquals("a", a.node());
        assertEquals(1, a.attempt());
        assertTrue(a.ok());
        assertNull(a.error());
        assertEquals(60, a.durationMs());
        assertEquals(json("{}"), a.args());
        assertTrue(h.tools.calls.isEmpty(), "a mocked run never reaches a real tool");
    }

    @Test
    void sequenceCountsEveryAttemptAndNestsDirectives() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: retry
                    node:
                        t:
                            exec: api://svc/t?max-attempts=3&timeout=100
                            args: q = 1
                """);
        RunHandle run = h.startMocked(f, F.objectNode(), json("""
                {'api://svc/t?timeout=5': {'sequence': [
                    {'error': {'code': 'HTTP_502'}},
                    {'delayMs': 500, 'result': 'late'},
                    {'byArgs': [{'args': {'q': 2}, 'result': 'no'}, {'args': {'q': 1}, 'result': {'sequence': ['yes']}}]}
                ]}}"""));
        h.clock.advance(200);                 // attempt 2 starts after the 200 ms back-off
        h.clock.advance(100);                 // its 500 ms delay exceeds the 100 ms timeout
        h.clock.advance(400);                 // back-off before attempt 3
        RunOutcome o = outcome(run);
        assertNotNull(o);
        assertEquals("yes", o.result().asText());
        assertEquals(3, o.calls().size());
        assertEquals(json("{'code':'HTTP_502','message':''}"), o.calls().get(0).error());
        assertEquals("TIMEOUT", o.calls().get(1).error().get("code").asText());
        assertEquals(100, o.calls().get(1).durationMs());
        assertEquals(List.of(1, 2, 3), o.calls().stream().map(CallRecord::attempt).toList());
        assertEquals(0, h.clock.pendingCount(), "the abandoned mock delay timer was cancelled");
    }

    @Test
    void lastSequenceEntryRepeats() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: loop
                    node:
                        l:
                            vars: got = []
                            when: got.length() < 4
                            node:
                                c:
                                    exec: api://svc/c
                                    sets: got = got.add(c)
                            with: got
                """);
        RunOutcome o = outcome(h.startMocked(f, F.objectNode(), json("{'api://svc/c': {'sequence': [1, 2]}}")));
        assertEquals(json("[1,2,2,2]"), o.result());
        assertEquals(List.of("l[0]/c", "l[1]/c", "l[2]/c", "l[3]/c"), o.calls().stream().map(CallRecord::node).toList());
    }

    @Test
    void resultsAreDeepCopies() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: copies
                    node:
                        a:
                            exec: api://svc/x
                            next: b
                        b:
                            exec: api://svc/x
                """);
        JsonNode mocks = json("{'api://svc/x': {'items': [1]}}");
        RunOutcome o = outcome(h.startMocked(f, F.objectNode(), mocks));
        assertNotSame(o.context().get("a"), o.context().get("b"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) o.context().get("a").get("items")).add(2);
        assertEquals(json("{'items':[1]}"), o.context().get("b"));
        assertEquals(json("{'api://svc/x': {'items': [1]}}"), mocks, "the request's mocks are untouched");
    }

    @Test
    void noMockAndNoMatchingByArgsFailWithNoMock() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: nomock
                    node:
                        a:
                            exec: api://svc/a
                            args: k = 1
                            fail: b
                        b:
                            exec: api://svc/b
                """);
        RunOutcome o = outcome(h.startMocked(f, F.objectNode(), json("{'api://svc/a': {'byArgs': [{'args': {'k': 2}, 'result': 1}]}}")));
        assertEquals("NO_MOCK", o.context().get("a").get("error").get("code").asText());
        assertEquals(new ErrorInfo("NO_MOCK", "no mock for api://svc/b", "b"), o.error());
    }

    @Test
    void byArgsMatchesSubsetsWithGmlEquality() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: byargs
                    node:
                        a:
                            exec: api://svc/a
                            args: n = 1, o = { y = 2, x = [1] }, extra = true
                """);
        RunOutcome o = outcome(h.startMocked(f, F.objectNode(), json(
                "{'api://svc/a': {'byArgs': [{'args': {'n': 1.0, 'o': {'x': [1.0], 'y': 2}}, 'result': 'hit'}, {'args': {}, 'result': 'any'}]}}")));
        assertEquals("hit", o.result().asText());
    }

    @Test
    void errorDirectiveDefaults() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: err
                    node:
                        a:
                            exec: api://svc/a
                """);
        RunOutcome o = outcome(h.startMocked(f, F.objectNode(), json("{'api://svc/a': {'error': {}}}")));
        assertEquals(new ErrorInfo("MOCK_ERROR", "", "a"), o.error());
    }

    @Test
    void malformedMocksAreRejectedBeforeTheRun() {
        Harness h = new Harness();
        InvalidInputsException e = assertThrows(InvalidInputsException.class, () -> h.startMocked(TWO_PARALLEL, F.objectNode(), json("""
                {'api://svc/a': {'sequence': []},
                 'api://svc/b': {'byArgs': [{'result': 1}]},
                 'api://svc/c': {'delayMs': 1.5},
                 'api://svc/d': {'error': 'boom'},
                 'api://svc/e': {'byArgs': {'args': {}}},
                 'api://svc/f': {'delayMs': 10, 'result': {'sequence': 'x'}},
                 'api://svc/ok': {'delayMs': 10, 'result': {'sequence': [1]}}}""")));
        assertEquals("INVALID_INPUTS", e.code());
        assertEquals(List.of(
                "mocks.api://svc/a: sequence must be a non-empty array",
                "mocks.api://svc/b.byArgs[0]: must be an object {args: object, result}",
                "mocks.api://svc/c: delayMs must be a non-negative integer",
                "mocks.api://svc/d: error must be an object {code, message}",
                "mocks.api://svc/e: byArgs must be a list of {args, result} entries",
                "mocks.api://svc/f.result: sequence must be a non-empty array"), e.problems());
        assertTrue(h.events.isEmpty());
        assertThrows(InvalidInputsException.class, () -> h.startMocked(TWO_PARALLEL, F.objectNode(), json("[1]")));
    }

    @Test
    void emptyMocksStillMakeAMockedRun() {
        Harness h = new Harness();
        RunOutcome o = outcome(h.startMocked(TWO_PARALLEL, F.objectNode(), json("{}")));
        assertEquals("NO_MOCK", o.error().code());
        assertFalse(o.calls().isEmpty());
        assertTrue(h.tools.calls.isEmpty());
    }

    @Test
    void parseKeepsPlainObjectsThatOnlyLookLikeDirectives() {
        MockInvoker.Parsed p = MockInvoker.parse(json("{'k': {'error': {'code': 'X'}, 'other': 1}, 'j': {'delayMs': 5, 'x': 1}}"), new ManualScheduler());
        assertTrue(p.ok(), p.problems().toString());
    }
}
