package io.fdl.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;

/** One completed step of a run (engine {@code StepJournal}): {@code call:fetch} → its outcome. */
public record RunStep(String key, JsonNode outcome) {
}
