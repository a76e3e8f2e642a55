package io.fdl.runtime.engine.mock;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A parsed mock value (tools.md §6.3): a plain result or a directive; directives nest. */
sealed interface MockValue {

    /** Returned as a deep copy to every call. */
    record Plain(JsonNode value) implements MockValue {}

    /** The attempt fails with this code and message. */
    record Failure(String code, String message) implements MockValue {}

    /** The n-th consultation (0-based, every attempt counting) answers with entry n; the last repeats. */
    record Sequence(List<MockValue> entries, AtomicInteger calls) implements MockValue {}

    /** The first entry whose args are a subset of the call's args answers; none → NO_MOCK. */
    record ByArgs(List<Entry> entries) implements MockValue {
        record Entry(JsonNode args, MockValue result) {}
    }

    /** Answers after {@code delayMs} without blocking a thread. */
    record Delay(long delayMs, MockValue result) implements MockValue {}
}
