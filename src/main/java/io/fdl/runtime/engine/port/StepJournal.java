package io.fdl.runtime.engine.port;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The durable record of a run's completed steps (a tool call's final outcome, the deadline of a
 * wait), keyed by step kind and indexed node path ({@code call:fetch}, {@code wait:loop[2]/pause}).
 * The engine asks it before a step starts: a step an earlier attempt of this run completed is not
 * executed again, its recorded outcome is replayed (issue 12: a resumed run re-walks its flow from
 * the start, and no completed tool call reaches the tool twice). Called on the run's serial context.
 */
public interface StepJournal {
    /** The outcome an earlier attempt recorded for {@code key}, or null. */
    JsonNode recorded(String key);

    /** A step finished (or a wait started): {@code outcome} must be checkpointed with the run's events. */
    void record(String key, JsonNode outcome);

    /** No journal: every step runs, nothing is recorded (plain engine use, tests, memory mode children). */
    StepJournal NONE = new StepJournal() {
        @Override public JsonNode recorded(String key) { return null; }
        @Override public void record(String key, JsonNode outcome) { }
    };
}
