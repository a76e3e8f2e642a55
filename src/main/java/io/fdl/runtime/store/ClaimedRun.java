package io.fdl.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * An unfinished execution this replica just took over (or picked from the queue), with what a
 * resumed run needs: its lease epoch, its recorded steps, and which events it already published.
 *
 * @param record    the stored execution (status pending, running or waiting)
 * @param epoch     the lease epoch every later write of this run is fenced with
 * @param resume    what the row keeps for resuming (caller, supplied inputs, mocks, timeout); null for rows
 *                  written before durable runs existed
 * @param steps     the completed steps, for the engine's journal
 * @param eventKeys identity keys of the published events ({@link StoredEvent#key}), so they are not published twice
 * @param lastSeq   the highest published seq (the resumed run continues after it)
 */
public record ClaimedRun(Execution record, long epoch, JsonNode resume, List<RunStep> steps, Set<String> eventKeys,
                         long lastSeq) {
}
