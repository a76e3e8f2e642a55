package io.fdl.runtime.tools.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnection;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link DbPlan} in its own transaction on a pooled connection. The statement timeout is set
 * per transaction to the attempt timeout. When the caller cancels (engine timeout, run cancelled),
 * a PostgreSQL cancel request stops the running statement and closing the connection rolls back.
 */
public final class DbExecutor {
    private static final Logger LOG = Logger.getLogger(DbExecutor.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final RowReader reader;

    public DbExecutor(RowReader reader) {
        this.reader = reader;
    }

    public Uni<JsonNode> execute(Pool pool, DbPlan plan, long statementTimeoutMs) {
        return acquire(pool)
                .onFailure().transform(DbErrors::map)
                .onItem().transformToUni(conn -> inTransaction(conn, plan, statementTimeoutMs));
    }

    /**
     * Borrows a connection; if the caller gives up while waiting for the pool, the connection that
     * arrives later goes straight back instead of leaking.
     */
    static Uni<SqlConnection> acquire(Pool pool) {
        return Uni.createFrom().emitter(em -> {
            AtomicInteger state = new AtomicInteger(); // 0 waiting, 1 delivered, 2 abandoned
            em.onTermination(() -> state.compareAndSet(0, 2));
            pool.getDelegate().getConnection().onComplete(ar -> {
                if (ar.failed()) {
                    if (state.compareAndSet(0, 1)) em.fail(ar.cause());
                } else if (state.compareAndSet(0, 1)) {
                    em.complete(SqlConnection.newInstance(ar.result()));
                } else {
                    ar.result().close();
                }
            });
        });
    }

    private Uni<JsonNode> inTransaction(SqlConnection conn, DbPlan plan, long timeoutMs) {
        return conn.begin().onItem().transformToUni(tx ->
                        // the value is generated here from a long, never from user text
                        conn.query("SET LOCAL statement_timeout = " + Math.max(1, timeoutMs)).execute()
                                .onItem().transformToUni(ignored -> run(conn, plan))
                                .call(tx::commit))
                .onFailure().transform(DbErrors::map)
                // closing a connection with an open transaction rolls it back before it returns to the pool
                .eventually(() -> conn.close().onFailure().recoverWithNull())
                // downstream of eventually on purpose: on cancellation eventually first waits for the
                // close (queued behind the running statement), so the cancel request must go out before
                .onCancellation().invoke(() -> cancel(conn));
    }

    private static void cancel(SqlConnection conn) {
        if (conn.getDelegate() instanceof PgConnection pg) {
            pg.cancelRequest().onFailure(e -> LOG.debugf("cancel request failed: %s", e.getMessage()));
        }
    }

    private Uni<JsonNode> run(SqlConnection conn, DbPlan plan) {
        if (plan instanceof DbPlan.Single s) {
            return query(conn, s.sql()).map(rows -> shape(rows, s.shape()));
        }
        if (plan instanceof DbPlan.Page p) {
            return query(conn, p.items()).onItem().transformToUni(items -> query(conn, p.count()).map(count -> {
                long total = count.iterator().next().getLong(0);
                ObjectNode o = F.objectNode();
                o.set("items", rows(items));
                o.put("total", total);
                o.put("page", p.page());
                o.put("size", p.size());
                o.put("totalPages", (total + p.size() - 1) / p.size());
                return o;
            }));
        }
        DbPlan.Batch b = (DbPlan.Batch) plan;
        return batch(conn, b.statements(), 0).map(n -> F.objectNode().put("value", n));
    }

    private Uni<Integer> batch(SqlConnection conn, List<Sql> statements, int from) {
        if (from >= statements.size()) return Uni.createFrom().item(statements.size());
        return query(conn, statements.get(from)).onItem().transformToUni(ignored -> batch(conn, statements, from + 1));
    }

    private static Uni<RowSet<Row>> query(SqlConnection conn, Sql sql) {
        return conn.preparedQuery(sql.text()).execute(Tuple.from(sql.params()));
    }

    private JsonNode shape(RowSet<Row> rows, DbPlan.Shape shape) {
        return switch (shape) {
            case FIRST_ROW -> rows.size() == 0 ? F.nullNode() : reader.read(rows.iterator().next());
            case ROWS -> rows(rows);
            case COUNT -> F.objectNode().put("value", rows.iterator().next().getLong(0));
            case ROW_COUNT -> F.objectNode().put("value", rows.rowCount());
            case NATIVE -> rows.columnsNames() == null || rows.columnsNames().isEmpty()
                    ? F.objectNode().put("value", rows.rowCount()) : rows(rows);
        };
    }

    private ArrayNode rows(RowSet<Row> rows) {
        ArrayNode a = F.arrayNode(rows.size());
        for (Row r : rows) a.add(reader.read(r));
        return a;
    }
}
