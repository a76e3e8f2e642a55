package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.fdl.runtime.engine.port.StepJournal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.fdl.runtime.engine.Dsl.*;
import static io.fdl.runtime.engine.Harness.outcome;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A resumed run re-walks its flow with the journal of the first attempt: completed calls are not
 * made again, their recorded outcome is used; a wait waits only what is left; the result is the
 * one an uninterrupted run gives.
 */
class ReplayTest {

    /** A journal that keeps what the run records and serves what an earlier attempt recorded. */
    static final class Journal implements StepJournal {
        final Map<String, JsonNode> recorded = new LinkedHashMap<>();
        final Map<String, JsonNode> earlier;

        Journal(Map<String, JsonNode> earlier) { this.earlier = earlier; }

        @Override public JsonNode recorded(String key) { return earlier.get(key); }

        @Override public void record(String key, JsonNode outcome) { recorded.put(key, outcome); }
    }

    private static CompiledFlow chain() {
        return flow()
                .tool("a", "svc", "a").next("b").end()
                .tool("b", "svc", "b").next("pause").end()
                .waitNode("pause", 1_000).next("c").end()
                .tool("c", "svc", "c").next("sum").end()
                .mapping("sum", js("with", ctx -> IntNode.valueOf(ctx.get("a").asInt() + ctx.get("b").asInt() + ctx.get("c").asInt()))).end()
                .compiled();
    }

    private static RunHandle start(Harness h, CompiledFlow f, Journal j, Long startedAt) {
        RunRequest r = new RunRequest("run-1", F.objectNode(), "t1", "bu1", null, null, 0, h.events::add, null, j, startedAt);
        return h.engine().start(f, r);
    }

    @Test
    void aResumedRunDoesNotCallWhatCompletedAndWaitsOnlyWhatIsLeft() {
        // first attempt: a and b answer, the wait starts, then the process "dies"
        Harness first = new Harness();
        Journal j1 = new Journal(Map.of());
        long t0 = first.clock.nowMillis();
        RunHandle r1 = start(first, chain(), j1, null);
        first.tools.last().ok(IntNode.valueOf(1));
        first.tools.last().ok(IntNode.valueOf(2));
        first.clock.advance(400);
        assertNull(outcome(r1));
        assertEquals(List.of("call:a", "call:b", "wait:pause"), new ArrayList<>(j1.recorded.keySet()));
        long waitUntil = j1.recorded.get("wait:pause").get("until").asLong();

        // second attempt on "another replica": same journal, same start time
        Harness second = new Harness();
        second.clock.advance(400);
        Journal j2 = new Journal(j1.recorded);
        RunHandle r2 = start(second, chain(), j2, t0);
        assertTrue(second.tools.calls.isEmpty(), "a and b are replayed, not called");
        second.clock.advance(599);
        assertTrue(second.tools.calls.isEmpty(), "the wait counts from the first attempt");
        second.clock.advance(1);
        assertEquals(waitUntil, second.clock.nowMillis());
        assertEquals(1, second.tools.calls.size());
        assertEquals("c", second.tools.last().call.path());
        assertEquals("run-1:c", second.tools.last().call.idempotencyKey(), "the same key as the first attempt would send");
        second.tools.last().ok(IntNode.valueOf(4));
        RunOutcome o = outcome(r2);
        assertEquals(RunStatus.COMPLETED, o.status());
        assertEquals(7, o.result().asInt());
    }

    @Test
    void aRecordedFailureIsReplayedAsAFailure() {
        Harness first = new Harness();
        Journal j1 = new Journal(Map.of());
        CompiledFlow f = flow().tool("a", "svc", "a").fail("fb").next("r").end()
                .mapping("fb", js("with", c -> c.get("a").get("error").get("code"))).next("r").end()
                .mapping("r", js("with", c -> c.get("fb"))).end().compiled();
        RunHandle r1 = start(first, f, j1, null);
        first.tools.last().error("NOT_FOUND", "no");
        assertEquals("NOT_FOUND", outcome(r1).result().asText());

        Harness second = new Harness();
        RunHandle r2 = start(second, f, new Journal(j1.recorded), second.clock.nowMillis());
        assertTrue(second.tools.calls.isEmpty());
        assertEquals("NOT_FOUND", outcome(r2).result().asText());
    }

    @Test
    void callsInsideLoopsAreJournaledPerIteration() {
        Harness first = new Harness();
        Journal j1 = new Journal(Map.of());
        CompiledFlow f = flow().each("items", js("source", c -> F.arrayNode().add(1).add(2).add(3)), "x", null,
                body -> body.tool("get", "svc", "get").end()).end().compiled();
        RunHandle r1 = start(first, f, j1, null);
        first.tools.last().ok(IntNode.valueOf(10));
        first.tools.last().ok(IntNode.valueOf(20));
        assertNull(outcome(r1));
        assertEquals(List.of("call:items[0]/get", "call:items[1]/get"), new ArrayList<>(j1.recorded.keySet()));
        // node events inside the body carry their iteration, so each is unique in the run
        assertTrue(first.events.stream().anyMatch(e -> "items/get".equals(e.nodeId())
                && e.type() == ExecutionEvent.Type.NODE_COMPLETED && e.data().path("iterations").path(0).asInt() == 1));

        Harness second = new Harness();
        RunHandle r2 = start(second, f, new Journal(j1.recorded), second.clock.nowMillis());
        assertEquals(1, second.tools.calls.size(), "only the third iteration calls the tool");
        second.tools.last().ok(IntNode.valueOf(30));
        assertEquals(RunStatus.COMPLETED, outcome(r2).status());
    }
}
