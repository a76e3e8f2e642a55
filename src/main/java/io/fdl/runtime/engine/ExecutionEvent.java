package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * One state change of a run (api.md §6.2). The single event pipeline: the same events feed the
 * WebSocket fan-out, the persisted event log, metrics and the run record.
 *
 * @param executionId the run
 * @param seq         1, 2, 3 … per run, no gaps
 * @param type        what happened
 * @param nodeId      the node path for node events ({@code collect/pages/fetch}), else null
 * @param data        event data as api.md §6.2 describes it (never null)
 * @param timestamp   when it happened
 */
public record ExecutionEvent(String executionId, long seq, Type type, String nodeId, ObjectNode data, Instant timestamp) {

    public enum Type {
        STARTED("started"), NODE_STARTED("node_started"), NODE_COMPLETED("node_completed"),
        NODE_SKIPPED("node_skipped"), NODE_FAILED("node_failed"), WAITING("waiting"), PROGRESS("progress"),
        COMPLETED("completed"), FAILED("failed"), CANCELLED("cancelled");

        private final String wire;

        Type(String wire) { this.wire = wire; }

        /** The name on the wire: {@code node_completed} … */
        public String wire() { return wire; }

        public boolean terminal() { return this == COMPLETED || this == FAILED || this == CANCELLED; }

        public static Type fromWire(String wire) {
            for (Type t : values()) if (t.wire.equals(wire)) return t;
            throw new IllegalArgumentException("unknown event type " + wire);
        }
    }
}
