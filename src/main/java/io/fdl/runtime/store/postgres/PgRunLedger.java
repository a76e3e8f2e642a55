package io.fdl.runtime.store.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.store.AuditEntry;
import io.fdl.runtime.store.ClaimedRun;
import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.ExecutionMode;
import io.fdl.runtime.store.ExecutionStatus;
import io.fdl.runtime.store.RunLedger;
import io.fdl.runtime.store.RunStep;
import io.fdl.runtime.store.StoredEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The execution write path in plain SQL on the reactive pool (no Hibernate session): every method
 * is one statement — data-modifying CTEs — so one round trip and one commit. Writes after the start
 * are fenced: the {@code fence} CTE locks the row only while it is still active at the caller's
 * lease epoch, and every other part of the statement only acts when the fence found it.
 */
final class PgRunLedger implements RunLedger {
    private static final String ACTIVE = "('pending', 'running', 'waiting')";

    /** The audit line written in the same statement as the change it records (both fed by {@link #audit}). */
    private static final String INSERT_AUDIT =
            "INSERT INTO audit_logs (id, tenant_id, user_id, event_type, resource_type, resource_id, details, ip_address)";

    private static final String START = """
            WITH ins AS (
              INSERT INTO execution_history (id, tenant_id, flow_id, flow_name, version_id, status, mode, inputs,
                  parent_execution_id, idempotency_key, started_at, owner, lease_epoch, resume, retry_of)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9, $10, $11, $12, $13, $14::text::jsonb, $15)
              RETURNING id),
            au AS (
            """ + INSERT_AUDIT + """

              SELECT $16, $2, $17, $18, $19, $20, $21::text::jsonb, $22 FROM ins WHERE $18::text IS NOT NULL)
            SELECT count(*) AS n FROM ins""";

    /** $1 execution, $2 epoch, $3 tenant; events $4..$8; steps $9, $10 */
    private static final String FENCE = """
            WITH fence AS (
              SELECT id FROM execution_history
              WHERE id = $1 AND lease_epoch = $2 AND status IN""" + " " + ACTIVE + """
               FOR UPDATE),
            ev AS (
              INSERT INTO execution_events (execution_id, seq, tenant_id, event_type, node_id, data, occurred_at)
              SELECT $1, x.s, $3, x.t, x.n, x.d::jsonb, x.o
              FROM unnest($4::bigint[], $5::text[], $6::text[], $7::text[], $8::timestamptz[]) AS x(s, t, n, d, o)
              WHERE EXISTS (SELECT 1 FROM fence)),
            st AS (
              INSERT INTO execution_steps (execution_id, step_key, outcome)
              SELECT $1, y.k, y.v::jsonb FROM unnest($9::text[], $10::text[]) AS y(k, v)
              WHERE EXISTS (SELECT 1 FROM fence)
              ON CONFLICT (execution_id, step_key) DO UPDATE SET outcome = excluded.outcome)""";

    private static final String CHECKPOINT = FENCE + """

            , up AS (
              UPDATE execution_history h SET status = 'running' FROM fence WHERE h.id = fence.id AND h.status = 'pending')
            SELECT count(*) AS n FROM fence""";

    /** fence + $11 status, $12 result, $13 error, $14 error_detail, $15 progress, $16 completed_at, $17 duration; audit $18.. */
    private static final String FINISH = FENCE + """

            , up AS (
              UPDATE execution_history h SET status = $11, result = $12::text::jsonb, error = $13, error_detail = $14::text::jsonb,
                  progress = $15, current_nodes = '{}', completed_at = $16, duration_ms = $17, owner = NULL, wake_at = NULL
              FROM fence WHERE h.id = fence.id),
            snap AS (
              DELETE FROM execution_snapshots WHERE execution_id = $1 AND EXISTS (SELECT 1 FROM fence)),
            au AS (
            """ + INSERT_AUDIT + """

              SELECT $18, $3, $19, $20, $21, $22, $23::text::jsonb, $24 FROM fence WHERE $20::text IS NOT NULL)
            SELECT count(*) AS n FROM fence""";

    private static final String PROGRESS = """
            WITH fence AS (
              SELECT id, tenant_id FROM execution_history
              WHERE id = $1 AND lease_epoch = $2 AND status IN""" + " " + ACTIVE + """
               FOR UPDATE),
            up AS (
              UPDATE execution_history h SET status = $3, progress = $4, current_nodes = $5
              FROM fence WHERE h.id = fence.id),
            snap AS (
              INSERT INTO execution_snapshots (execution_id, tenant_id, snapshot, updated_at)
              SELECT fence.id, fence.tenant_id, $6::text::jsonb, now() FROM fence WHERE $6::text IS NOT NULL
              ON CONFLICT (execution_id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at)
            SELECT count(*) AS n FROM fence""";

    private static final String STEPS = """
            SELECT s.step_key, s.outcome::text AS outcome FROM execution_steps s
            JOIN execution_history h ON h.id = s.execution_id AND h.tenant_id = $1
            WHERE s.execution_id = $2 ORDER BY s.recorded_at, s.step_key""";

    /** Renews the lease; answers the runs this replica holds that were finished by someone else. */
    private static final String HEARTBEAT = """
            WITH hb AS (
              INSERT INTO fdl_replicas (id, heartbeat_at) VALUES ($1, now())
              ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()),
            gone AS (
              UPDATE execution_history SET owner = NULL
              WHERE owner = $1 AND status NOT IN""" + " " + ACTIVE + """
               RETURNING id)
            SELECT id FROM gone""";

    private static final String CLAIM = """
            WITH c AS (
              SELECT e.id FROM execution_history e
              WHERE e.status IN""" + " " + ACTIVE + """
                AND (e.wake_at IS NULL OR e.wake_at <= now())
                AND (e.owner IS NULL OR NOT EXISTS (
                      SELECT 1 FROM fdl_replicas r WHERE r.id = e.owner AND r.heartbeat_at > now() - make_interval(secs => $2)))
              ORDER BY e.started_at
              LIMIT $3
              FOR UPDATE OF e SKIP LOCKED)
            UPDATE execution_history e SET owner = $1, lease_epoch = e.lease_epoch + 1, wake_at = NULL
            FROM c WHERE e.id = c.id
            RETURNING e.id, e.tenant_id, e.flow_id, e.flow_name, e.version_id, e.status, e.mode, e.inputs::text AS inputs,
                e.parent_execution_id, e.idempotency_key, e.started_at, e.lease_epoch, e.resume::text AS resume""";

    private static final String CLAIMED_STEPS =
            "SELECT execution_id, step_key, outcome::text AS outcome FROM execution_steps WHERE execution_id = ANY($1)";
    private static final String CLAIMED_EVENTS = """
            SELECT execution_id, seq, event_type, node_id, data->'iterations' AS it, data->'completed_nodes' AS cn
            FROM execution_events WHERE execution_id = ANY($1)""";

    private static final String RELEASE =
            "UPDATE execution_history SET owner = NULL WHERE owner = $1 AND id = ANY($2) AND status IN " + ACTIVE;
    private static final String RELEASE_ALL =
            "UPDATE execution_history SET owner = NULL WHERE owner = $1 AND status IN " + ACTIVE;
    private static final String PARK = """
            UPDATE execution_history SET owner = NULL, wake_at = $3, status = 'waiting'
            WHERE id = $1 AND lease_epoch = $2 AND status IN""" + " " + ACTIVE;
    private static final String QUEUED =
            "SELECT count(*) AS n FROM execution_history WHERE status = 'pending' AND owner IS NULL";

    private final Pool pool;
    private final ContextRunner runner;

    PgRunLedger(Pool pool, ContextRunner runner) {
        this.pool = pool;
        this.runner = runner;
    }

    @Override
    public Uni<Execution> start(Execution x, String owner, JsonNode resume, UUID retryOf, AuditEntry audit) {
        Instant started = Json.micros(x.startedAt() == null ? Instant.now() : x.startedAt());
        boolean owned = owner != null && x.status() != ExecutionStatus.PENDING;
        Tuple t = Tuple.tuple().addUUID(x.id()).addUUID(x.tenantId()).addUUID(x.flowId()).addString(Json.text(x.flowName()))
                .addUUID(x.versionId()).addString(x.status().wire()).addString(x.mode().wire())
                .addString(Json.write(x.inputs())).addUUID(x.parentExecutionId()).addString(x.idempotencyKey())
                .addOffsetDateTime(time(started)).addString(owned ? owner : null).addLong(owned ? 1L : 0L)
                .addString(Json.write(resume)).addUUID(retryOf);
        audit(t, audit);
        return run(t, START).map(rows -> new Execution(x.id(), x.tenantId(), x.flowId(), x.flowName(), x.versionId(),
                x.status(), x.mode(), x.inputs(), null, null, null, 0, List.of(), null, x.parentExecutionId(),
                x.idempotencyKey(), started, null, null));
    }

    @Override
    public Uni<Boolean> checkpoint(UUID tenantId, UUID executionId, long epoch, List<StoredEvent> events,
                                   List<RunStep> steps) {
        Tuple t = fence(tenantId, executionId, epoch, events, steps);
        return run(t, CHECKPOINT).map(PgRunLedger::found);
    }

    @Override
    public Uni<Boolean> progress(Execution p, long epoch) {
        Tuple t = Tuple.tuple().addUUID(p.id()).addLong(epoch).addString(p.status().wire()).addDouble(p.progress())
                .addArrayOfString(Json.text(p.currentNodes().toArray(String[]::new)))
                .addString(Json.write(p.snapshot()));
        return run(t, PROGRESS).map(PgRunLedger::found);
    }

    @Override
    public Uni<Optional<Execution>> finish(Execution done, long epoch, List<StoredEvent> events, List<RunStep> steps,
                                           AuditEntry audit) {
        Tuple t = fence(done.tenantId(), done.id(), epoch, events, steps);
        Instant completed = Json.micros(done.completedAt());
        t.addString(done.status().wire()).addString(Json.write(done.result())).addString(Json.text(done.error()))
                .addString(Json.write(done.errorDetail())).addDouble(done.progress())
                .addOffsetDateTime(completed == null ? null : time(completed)).addLong(done.durationMs());
        audit(t, audit);
        Execution stored = new Execution(done.id(), done.tenantId(), done.flowId(), done.flowName(), done.versionId(),
                done.status(), done.mode(), done.inputs(), done.result() == null ? null : Json.storable(done.result()),
                Json.text(done.error()), done.errorDetail() == null ? null : Json.storable(done.errorDetail()),
                done.progress(), List.of(), null, done.parentExecutionId(), done.idempotencyKey(),
                Json.micros(done.startedAt()), completed, done.durationMs());
        return run(t, FINISH).map(rows -> found(rows) ? Optional.of(stored) : Optional.empty());
    }

    @Override
    public Uni<List<RunStep>> steps(UUID tenantId, UUID executionId) {
        return runner.guard(pool.preparedQuery(STEPS).execute(Tuple.of(tenantId, executionId)).map(rows -> {
            List<RunStep> out = new ArrayList<>();
            for (Row r : rows) out.add(new RunStep(r.getString("step_key"), Json.read(r.getString("outcome"))));
            return out;
        }));
    }

    @Override
    public Uni<List<UUID>> heartbeat(String replicaId) {
        return runner.guard(pool.preparedQuery(HEARTBEAT).execute(Tuple.of(replicaId)).map(rows -> {
            List<UUID> out = new ArrayList<>();
            for (Row r : rows) out.add(r.getUUID("id"));
            return out;
        }));
    }

    @Override
    public Uni<List<ClaimedRun>> claim(String replicaId, Duration lease, int limit) {
        Tuple t = Tuple.of(replicaId, (double) lease.toMillis() / 1000.0, limit);
        return runner.guard(pool.withTransaction(conn -> conn.preparedQuery(CLAIM).execute(t).chain(rows -> {
            if (rows.size() == 0) return Uni.createFrom().item(List.<ClaimedRun>of());
            List<Row> claimed = new ArrayList<>();
            rows.forEach(claimed::add);
            UUID[] ids = claimed.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
            return conn.preparedQuery(CLAIMED_STEPS).execute(Tuple.of(ids)).chain(steps ->
                    conn.preparedQuery(CLAIMED_EVENTS).execute(Tuple.of(ids)).map(events -> assemble(claimed, steps, events)));
        })));
    }

    private List<ClaimedRun> assemble(List<Row> claimed, RowSet<Row> steps, RowSet<Row> events) {
        List<ClaimedRun> out = new ArrayList<>(claimed.size());
        for (Row r : claimed) {
            UUID id = r.getUUID("id");
            List<RunStep> s = new ArrayList<>();
            for (Row st : steps) if (id.equals(st.getUUID("execution_id"))) s.add(new RunStep(st.getString("step_key"), Json.read(st.getString("outcome"))));
            Set<String> keys = new HashSet<>();
            long last = 0;
            for (Row ev : events) {
                if (!id.equals(ev.getUUID("execution_id"))) continue;
                last = Math.max(last, ev.getLong("seq"));
                var data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                Object it = ev.getValue("it");
                Object cn = ev.getValue("cn");
                if (it != null) data.set("iterations", Json.read(it.toString()));
                if (cn != null) data.set("completed_nodes", Json.read(cn.toString()));
                keys.add(StoredEvent.key(ev.getString("event_type"), ev.getString("node_id"), data));
            }
            Instant started = r.getOffsetDateTime("started_at").toInstant();
            Execution record = new Execution(id, r.getUUID("tenant_id"), r.getUUID("flow_id"), r.getString("flow_name"),
                    r.getUUID("version_id"), ExecutionStatus.fromWire(r.getString("status")),
                    ExecutionMode.fromWire(r.getString("mode")), Json.read(r.getString("inputs")), null, null, null, 0,
                    List.of(), null, r.getUUID("parent_execution_id"), r.getString("idempotency_key"), started, null, null);
            String resume = r.getString("resume");
            out.add(new ClaimedRun(record, r.getLong("lease_epoch"), resume == null ? null : Json.read(resume), s, keys, last));
        }
        return out;
    }

    @Override
    public Uni<Void> release(String replicaId, List<UUID> executionIds) {
        if (executionIds == null) {
            return runner.guard(pool.preparedQuery(RELEASE_ALL).execute(Tuple.of(replicaId)).replaceWithVoid());
        }
        if (executionIds.isEmpty()) return Uni.createFrom().voidItem();
        return runner.guard(pool.preparedQuery(RELEASE).execute(Tuple.of(replicaId, executionIds.toArray(UUID[]::new)))
                .replaceWithVoid());
    }

    @Override
    public Uni<Boolean> park(UUID executionId, long epoch, Instant wakeAt) {
        return runner.guard(pool.preparedQuery(PARK).execute(Tuple.of(executionId, epoch, time(wakeAt)))
                .map(rows -> rows.rowCount() > 0));
    }

    @Override
    public Uni<Long> queued() {
        return runner.guard(pool.query(QUEUED).execute().map(rows -> rows.iterator().next().getLong("n")));
    }

    @Override
    public boolean shared() {
        return true;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Tuple fence(UUID tenantId, UUID executionId, long epoch, List<StoredEvent> events, List<RunStep> steps) {
        EventColumns c = EventColumns.of(events);
        String[] keys = new String[steps.size()];
        String[] outcomes = new String[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            keys[i] = Json.text(steps.get(i).key());
            outcomes[i] = Json.write(steps.get(i).outcome());
        }
        return Tuple.tuple().addUUID(executionId).addLong(epoch).addUUID(tenantId).addArrayOfLong(c.seqs())
                .addArrayOfString(c.types()).addArrayOfString(c.nodes()).addArrayOfString(c.data())
                .addArrayOfOffsetDateTime(c.times()).addArrayOfString(keys).addArrayOfString(outcomes);
    }

    private void audit(Tuple t, AuditEntry a) {
        if (a == null) {
            t.addUUID(UUID.randomUUID()).addString(null).addString(null).addString(null).addString(null)
                    .addString("{}").addString(null);
            return;
        }
        t.addUUID(a.id()).addString(a.userId()).addString(a.eventType()).addString(a.resourceType())
                .addString(a.resourceId()).addString(Json.write(Json.orEmpty(a.details()))).addString(a.ip());
    }

    private Uni<RowSet<Row>> run(Tuple t, String sql) {
        return runner.guard(pool.preparedQuery(sql).execute(t));
    }

    private static boolean found(RowSet<Row> rows) {
        return rows.iterator().next().getLong("n") > 0;
    }

    private static OffsetDateTime time(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
