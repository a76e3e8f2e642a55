package io.fdl.runtime.tools.db;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.engine.port.ToolCall;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.tools.DatasourceConfig;
import io.fdl.runtime.tools.ToolRegistry;
import io.smallrye.mutiny.Uni;

import java.time.Clock;

/**
 * db:// (tools.md §4): resolves the datasource and table of the tenant, plans the operation into
 * parameterised SQL against the table's real columns, and runs it on the datasource's pool.
 */
public final class DbToolHandler {
    private final ToolRegistry registry;
    private final DatasourcePools pools;
    private final DbExecutor executor;
    private final ValueBinder binder;
    private final Clock clock;

    public DbToolHandler(ToolRegistry registry, DatasourcePools pools, DbExecutor executor, ValueBinder binder, Clock clock) {
        this.registry = registry;
        this.pools = pools;
        this.executor = executor;
        this.binder = binder;
        this.clock = clock;
    }

    /** What the URI addresses once the datasource is known. */
    record Target(DatasourceConfig datasource, String table, DbOperation op) {}

    /**
     * One attempt. {@code registrationTimeout}: the attempt's timeout is the engine's built-in
     * default, so the datasource's own {@code timeout_ms} is the statement timeout instead.
     */
    public Uni<JsonNode> invoke(ToolCall call, boolean registrationTimeout) {
        String tenant = call.caller().tenantId();
        return resolve(tenant, call.service(), call.path()).onItem().transformToUni(t -> {
            DatasourceConfig ds = t.datasource();
            if (!ds.enabled()) return fail("TOOL_DISABLED", "datasource '" + ds.name() + "' is disabled");
            if (t.op().isWrite() && ds.readOnly()) {
                return fail("NOT_ALLOWED", "datasource '" + ds.name() + "' is read-only: " + t.op().name().toLowerCase() + " is not allowed");
            }
            if (t.op() == DbOperation.NATIVE && !ds.allowNative()) {
                return fail("NOT_ALLOWED", "native queries are not enabled on datasource '" + ds.name() + "'");
            }
            DatasourcePools.Entry entry = pools.get(tenant, ds);
            long timeoutMs = registrationTimeout ? ds.timeoutMs() : call.timeoutMs();
            if (t.op() == DbOperation.NATIVE) {
                return Uni.createFrom().item(() -> NativeQuery.plan(call.args()))
                        .onItem().transformToUni(plan -> executor.execute(entry.pool(), plan, timeoutMs));
            }
            String schema = ds.schema() == null || ds.schema().isBlank() ? "public" : ds.schema();
            return entry.table(schema, t.table())
                    .map(meta -> DbPlanner.plan(t.op(), meta, call.args(), binder, clock.instant()))
                    .onItem().transformToUni(plan -> executor.execute(entry.pool(), plan, timeoutMs));
        });
    }

    /** URI resolution of tools.md §4.1. */
    Uni<Target> resolve(String tenant, String service, String path) {
        String[] parts = path == null || path.isEmpty() ? new String[0] : path.split("/", -1);
        if (parts.length == 0 || parts.length > 2) {
            return fail("BAD_ARGS", "db:// expects db://<datasource>/[<table>/]<op>, got path '" + path + "'");
        }
        return registry.datasource(tenant, service).onItem().transformToUni(ds -> {
            if (ds != null) return target(ds, parts.length == 2 ? parts[0] : null, parts[parts.length - 1]);
            int dot = service.lastIndexOf('.');
            if (dot > 0 && dot < service.length() - 1 && parts.length == 1) {
                String dsName = service.substring(0, dot);
                String table = service.substring(dot + 1);
                return registry.datasource(tenant, dsName).onItem().transformToUni(split -> split == null
                        ? notFound(service) : target(split, table, parts[0]));
            }
            return notFound(service);
        });
    }

    private Uni<Target> target(DatasourceConfig ds, String uriTable, String opName) {
        if (ds.dbType() != null && !ds.dbType().equalsIgnoreCase("postgresql")) {
            return fail("NOT_FOUND_TOOL", "datasource '" + ds.name() + "' has unsupported db_type '" + ds.dbType() + "'");
        }
        DbOperation op = DbOperation.parse(opName).orElse(null);
        if (op == null) return fail("BAD_ARGS", "unknown db operation '" + opName + "'");
        if (op == DbOperation.NATIVE) return Uni.createFrom().item(new Target(ds, null, op));
        String table = uriTable != null ? uriTable : ds.table();
        if (table == null || table.isBlank()) {
            return fail("BAD_ARGS", "db://" + ds.name() + "/" + opName + " names no table and the datasource has no default table");
        }
        if (!Names.IDENT.matcher(table).matches()) return fail("BAD_ARGS", "invalid table name '" + TableMeta.abbreviate(table) + "'");
        return Uni.createFrom().item(new Target(ds, Names.toColumn(table), op));
    }

    private static <T> Uni<T> notFound(String service) {
        return fail("NOT_FOUND_TOOL", "no datasource '" + service + "' is registered");
    }

    private static <T> Uni<T> fail(String code, String message) {
        return Uni.createFrom().failure(new ToolException(code, message));
    }
}
