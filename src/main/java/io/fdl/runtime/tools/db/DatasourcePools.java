package io.fdl.runtime.tools.db;

import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.tools.DatasourceConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One reactive pool per (tenant, datasource), created on first use and closed when the datasource
 * is updated or deleted; with it, the table metadata read once per table from information_schema.
 */
public final class DatasourcePools implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DatasourcePools.class);

    private static final String COLUMNS_SQL = """
            SELECT column_name, udt_schema, udt_name FROM information_schema.columns
            WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position""";
    private static final String PK_SQL = """
            SELECT kcu.column_name FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu
              ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
             AND kcu.table_name = tc.table_name
            WHERE tc.table_schema = $1 AND tc.table_name = $2 AND tc.constraint_type = 'PRIMARY KEY'
            ORDER BY kcu.ordinal_position""";

    private final Vertx vertx;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public DatasourcePools(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A live pool and its metadata cache; replaced when the registration changes. */
    public final class Entry {
        final DatasourceConfig config;
        final Pool pool;
        private final Map<String, Uni<TableMeta>> tables = new ConcurrentHashMap<>();

        Entry(DatasourceConfig config, Pool pool) {
            this.config = config;
            this.pool = pool;
        }

        public Pool pool() {
            return pool;
        }

        /** Columns and key of a table; NOT_FOUND_TOOL when the schema has no such table. Failures are not cached. */
        public Uni<TableMeta> table(String schema, String table) {
            String key = schema + "." + table;
            return tables.computeIfAbsent(key, k -> loadTable(pool, schema, table)
                    .onFailure().invoke(() -> tables.remove(k))
                    .memoize().indefinitely());
        }
    }

    /** The pool for a registration, (re)created if the connection settings changed. */
    public Entry get(String tenantId, DatasourceConfig config) {
        String key = tenantId + "\u0000" + config.name();
        Entry current = entries.get(key);
        if (current != null && sameConnection(current.config, config)) return current;
        synchronized (this) {
            current = entries.get(key);
            if (current != null && sameConnection(current.config, config)) return current;
            Entry created = new Entry(config, createPool(config));
            entries.put(key, created);
            if (current != null) closeQuietly(current);
            return created;
        }
    }

    /** Closes and forgets the pool of a datasource (on update, delete or test). */
    public void invalidate(String tenantId, String name) {
        Entry e = entries.remove(tenantId + "\u0000" + name);
        if (e != null) closeQuietly(e);
    }

    @Override
    public void close() {
        entries.values().forEach(DatasourcePools::closeQuietly);
        entries.clear();
    }

    private static boolean sameConnection(DatasourceConfig a, DatasourceConfig b) {
        return Objects.equals(a.connectionString(), b.connectionString()) && a.poolSize() == b.poolSize()
                && a.readOnly() == b.readOnly() && a.timeoutMs() == b.timeoutMs() && Objects.equals(a.schema(), b.schema());
    }

    private Pool createPool(DatasourceConfig config) {
        PgConnectOptions connect;
        try {
            connect = PgConnectOptions.fromUri(config.connectionString());
        } catch (RuntimeException e) {
            // the message could echo the connection string: keep it out
            throw new ToolException("CONNECTION_ERROR", "datasource '" + config.name() + "' has an invalid connection string");
        }
        Map<String, String> props = new LinkedHashMap<>(connect.getProperties());
        props.put("application_name", "fdl-runtime-tools");
        // a read-only datasource runs every transaction read-only, native queries included (tools.md §4.2)
        if (config.readOnly()) props.put("default_transaction_read_only", "on");
        connect.setProperties(props);
        connect.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1_000, config.timeoutMs())));
        PoolOptions pool = new PoolOptions()
                .setMaxSize(Math.max(1, config.poolSize()))
                .setIdleTimeout(60).setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setConnectionTimeout((int) Math.max(1_000, config.timeoutMs())).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setName("fdl-ds-" + config.name() + "-" + Integer.toHexString(System.identityHashCode(config)));
        return Pool.pool(vertx, connect, pool);
    }

    private static Uni<TableMeta> loadTable(Pool pool, String schema, String table) {
        return pool.preparedQuery(COLUMNS_SQL).execute(Tuple.of(schema, table))
                .onItem().transformToUni(cols -> {
                    if (cols.size() == 0) {
                        return Uni.createFrom().failure(new ToolException("NOT_FOUND_TOOL",
                                "table '" + table + "' not found in schema '" + schema + "'"));
                    }
                    Map<String, ColumnInfo> columns = new LinkedHashMap<>();
                    for (Row r : cols) {
                        String name = r.getString(0);
                        columns.put(name, ColumnInfo.of(name, r.getString(1), r.getString(2)));
                    }
                    return pool.preparedQuery(PK_SQL).execute(Tuple.of(schema, table)).map(pk -> {
                        List<String> key = new ArrayList<>();
                        for (Row r : pk) key.add(r.getString(0));
                        return new TableMeta(schema, table, java.util.Collections.unmodifiableMap(columns), List.copyOf(key));
                    });
                })
                .onFailure().transform(DbErrors::map);
    }

    private static void closeQuietly(Entry e) {
        e.pool.close().subscribe().with(v -> {}, err -> LOG.debugf("closing pool failed: %s", err.getMessage()));
    }
}
