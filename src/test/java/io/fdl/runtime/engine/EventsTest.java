package io.fdl.runtime.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.fdl.runtime.engine.Dsl.F;
import static io.fdl.runtime.engine.Dsl.json;
import static io.fdl.runtime.engine.Harness.outcome;
import static io.fdl.runtime.engine.MockedRunTest.yaml;
import static org.junit.jupiter.api.Assertions.*;

/** The event stream of a run (api.md §6.2): complete, gap-free, in order, with the documented data. */
class EventsTest {

    @Test
    void iterationsFailuresSkipsAndTheEnd() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: events
                    node:
                        e:
                            each: "[1, 2] => x"
                            node:
                                c:
                                    exec: api://svc/c
                                    args: x = x
                                    fail: h
                                h:
                                    with: "'handled'"
                            next: gate
                        gate:
                            when: false
                            then: never
                        never:
                            with: 0
                """);
        RunOutcome o = outcome(h.startMocked(f, F.objectNode(),
                json("{'api://svc/c': {'sequence': [1, {'error': {'code': 'HTTP_404', 'message': 'nope'}}]}}")));
        assertEquals(RunStatus.COMPLETED, o.status());
        assertEquals(List.of("started",
                "node_started:e",
                "node_started:e/c", "node_completed:e/c", "node_skipped:e/h",
                "node_started:e/c", "node_failed:e/c", "node_started:e/h", "node_completed:e/h",
                "node_completed:e", "progress",
                "node_started:gate", "node_completed:gate", "node_skipped:never", "progress",
                "completed"), h.eventTypes());
        for (int i = 0; i < h.events.size(); i++) {
            assertEquals(i + 1, h.events.get(i).seq());
            assertEquals("run-1", h.events.get(i).executionId());
        }
        ExecutionEvent secondCall = h.events.get(5);
        assertEquals("[1]", secondCall.data().get("iterations").toString());
        ExecutionEvent failed = h.events.get(6);
        assertEquals("HTTP_404", failed.data().get("error").get("code").asText());
        assertTrue(failed.data().get("handled").asBoolean());
        ExecutionEvent lastProgress = h.events.get(14);
        assertEquals(1.0, lastProgress.data().get("progress").asDouble());
        assertEquals(3, lastProgress.data().get("completed_nodes").asInt());
        assertEquals(3, lastProgress.data().get("total_nodes").asInt());
        assertTrue(h.events.get(h.events.size() - 1).data().get("outputs").isNull());
    }

    @Test
    void failedRunEventCarriesTheError() {
        Harness h = new Harness();
        CompiledFlow f = yaml("""
                flow:
                    name: fails
                    node:
                        c:
                            exec: api://svc/c
                """);
        outcome(h.startMocked(f, F.objectNode(), json("{}")));
        ExecutionEvent last = h.events.get(h.events.size() - 1);
        assertEquals(ExecutionEvent.Type.FAILED, last.type());
        assertEquals(json("{'code':'NO_MOCK','message':'no mock for api://svc/c','node':'c'}").toString(), last.data().get("error").toString());
        assertEquals(ExecutionEvent.Type.NODE_FAILED, h.events.get(h.events.size() - 3).type());
        assertFalse(h.events.get(h.events.size() - 3).data().get("handled").asBoolean());
    }

    @Test
    void largeOutputsAreCutToAPreview() {
        Harness h = new Harness();
        h.limits = new EngineLimits(32, 10_000, 3_600_000, 10_000, 20);
        CompiledFlow f = yaml("""
                flow:
                    name: big
                    node:
                        m:
                            with: "'x'.repeat(100)"
                """);
        RunOutcome o = outcome(h.start(f, F.objectNode()));
        assertEquals(100, o.result().asText().length(), "the outcome keeps the full value");
        ExecutionEvent done = h.events.stream().filter(e -> e.type() == ExecutionEvent.Type.NODE_COMPLETED).findFirst().orElseThrow();
        assertTrue(done.data().get("truncated").asBoolean());
        assertEquals(20, done.data().get("output").asText().length());
    }

    @Test
    void aThrowingListenerDoesNotBreakTheRun() {
        Harness h = new Harness();
        CompiledFlow f = yaml("flow:\n    name: x\n    node:\n        a:\n            with: 1\n");
        RunHandle run = h.engine().start(f, new RunRequest("r", F.objectNode(), "t", "b", null, null, 0, e -> { throw new IllegalStateException("listener bug"); }));
        assertEquals(RunStatus.COMPLETED, outcome(run).status());
    }
}
