package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.ExecutionEventRepository;
import io.fdl.runtime.store.StoredEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The event log goes straight through the reactive SQL pool instead of Hibernate: it is the
 * hottest write path (every node start/finish of every run), rows are never updated, and a whole
 * batch is ONE {@code INSERT … SELECT FROM unnest(arrays)} statement — one round trip, atomic,
 * no session, no entity bookkeeping, and callable from any thread (the pool needs no Vert.x
 * context). Consequence: appends do not join a {@code Transactions.inTransaction}.
 */
final class PgExecutionEventRepository implements ExecutionEventRepository {
    private static final String INSERT = """
            INSERT INTO execution_events (execution_id, seq, tenant_id, event_type, node_id, data, occurred_at)
            SELECT x.e, x.s, $1, x.t, x.n, x.d::jsonb, x.o
            FROM unnest($2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
                 AS x(e, s, t, n, d, o)""";
    private static final String SELECT = """
            SELECT execution_id, seq, tenant_id, event_type, node_id, data::text AS data, occurred_at
            FROM execution_events
            WHERE tenant_id = $1 AND execution_id = $2 AND seq > $3
            ORDER BY seq
            LIMIT $4""";
    private static final String LAST_SEQ =
            "SELECT coalesce(max(seq), 0) AS last FROM execution_events WHERE tenant_id = $1 AND execution_id = $2";

    private final Pool pool;
    private final ContextRunner runner;

    PgExecutionEventRepository(Pool pool, ContextRunner runner) {
        this.pool = pool;
        this.runner = runner;
    }

    @Override
    public Uni<Void> append(UUID tenantId, List<StoredEvent> events) {
        if (events.isEmpty()) return Uni.createFrom().voidItem();
        EventColumns c = EventColumns.of(events);
        Tuple params = Tuple.tuple().addUUID(tenantId).addArrayOfUUID(c.executions()).addArrayOfLong(c.seqs())
                .addArrayOfString(c.types()).addArrayOfString(c.nodes()).addArrayOfString(c.data())
                .addArrayOfOffsetDateTime(c.times());
        return runner.guard(pool.preparedQuery(INSERT).execute(params).replaceWithVoid());
    }

    @Override
    public Uni<List<StoredEvent>> list(UUID tenantId, UUID executionId, long afterSeq, int limit) {
        if (limit <= 0) return Uni.createFrom().item(List.of());
        return runner.guard(pool.preparedQuery(SELECT).execute(Tuple.of(tenantId, executionId, afterSeq, limit))
                .map(rows -> {
                    List<StoredEvent> out = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        out.add(new StoredEvent(r.getUUID("execution_id"), r.getUUID("tenant_id"), r.getLong("seq"),
                                r.getString("event_type"), r.getString("node_id"), Json.read(r.getString("data")),
                                r.getOffsetDateTime("occurred_at").toInstant()));
                    }
                    return out;
                }));
    }

    @Override
    public Uni<Long> lastSeq(UUID tenantId, UUID executionId) {
        return runner.guard(pool.preparedQuery(LAST_SEQ).execute(Tuple.of(tenantId, executionId))
                .map(rows -> rows.iterator().next().getLong("last")));
    }
}
