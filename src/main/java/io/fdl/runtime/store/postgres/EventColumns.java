package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.StoredEvent;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A batch of events as the column arrays of {@code INSERT … SELECT FROM unnest(…)}: a whole batch is
 * one statement, whatever its size (the event log and the run ledger's checkpoints write this way).
 */
record EventColumns(UUID[] executions, Long[] seqs, String[] types, String[] nodes, String[] data,
                    OffsetDateTime[] times) {

    static EventColumns of(List<StoredEvent> events) {
        int n = events.size();
        EventColumns c = new EventColumns(new UUID[n], new Long[n], new String[n], new String[n], new String[n],
                new OffsetDateTime[n]);
        for (int i = 0; i < n; i++) {
            StoredEvent e = events.get(i);
            c.executions[i] = e.executionId();
            c.seqs[i] = e.seq();
            c.types[i] = e.eventType();
            c.nodes[i] = Json.text(e.nodeId());
            c.data[i] = Json.write(e.data());
            c.times[i] = OffsetDateTime.ofInstant(Json.micros(e.timestamp()), ZoneOffset.UTC);
        }
        return c;
    }
}
