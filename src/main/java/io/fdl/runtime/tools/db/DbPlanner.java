package io.fdl.runtime.tools.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.tools.cql.CqlExpr;
import io.fdl.runtime.tools.cql.CqlParser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns one db:// operation and its args into parameterised SQL against a known table
 * (tools.md §4.3–§4.5). Pure: no I/O, so every rule (limits, unknown fields, refusal of a delete
 * without condition) is unit-testable.
 */
public final class DbPlanner {
    public static final int MAX_SIZE = 1_000;
    public static final int MAX_BULK = 1_000;

    private final TableMeta table;
    private final ObjectNode args;
    private final ValueBinder binder;
    private final Instant now;

    private DbPlanner(TableMeta table, ObjectNode args, ValueBinder binder, Instant now) {
        this.table = table;
        this.args = args;
        this.binder = binder;
        this.now = now;
    }

    public static DbPlan plan(DbOperation op, TableMeta table, ObjectNode args, ValueBinder binder, Instant now) {
        DbPlanner p = new DbPlanner(table, args, binder, now);
        return switch (op) {
            case TAKE -> p.take();
            case LIST -> p.list();
            case PAGE -> p.page();
            case COUNT -> p.count();
            case CREATE -> p.create();
            case MODIFY -> p.modify();
            case DELETE -> p.delete();
            case SAVE -> new DbPlan.Single(p.save(p.dataObject(args.get("data"), "data")), DbPlan.Shape.FIRST_ROW);
            case BULK -> p.bulk();
            case NATIVE -> throw new IllegalArgumentException("native is planned by NativeQuery");
        };
    }

    // ---- reads ----

    private DbPlan take() {
        Sql.Builder b = select();
        JsonNode id = args.get("id");
        boolean hasId = id != null && !id.isNull();
        CqlExpr cond = condition();
        if (hasId || cond != null) {
            b.append(" WHERE ");
            if (hasId) {
                ColumnInfo key = table.singleKey("take by id");
                b.append(key.sql()).append(" = ").append(b.bind(key, bindKey(key, id)));
                if (cond != null) b.append(" AND ");
            }
            if (cond != null) CqlTranslator.translate(cond, table, params(), binder, now, b);
        }
        orderBy(b);
        b.append(" LIMIT 1");
        return new DbPlan.Single(b.build(), DbPlan.Shape.FIRST_ROW);
    }

    private DbPlan list() {
        int size = intArg("size", 100, 1, MAX_SIZE);
        int offset = intArg("offset", 0, 0, Integer.MAX_VALUE);
        Sql.Builder b = select();
        where(b);
        orderBy(b);
        b.append(" LIMIT ").append(b.bindPlain((long) size)).append(" OFFSET ").append(b.bindPlain((long) offset));
        return new DbPlan.Single(b.build(), DbPlan.Shape.ROWS);
    }

    private DbPlan page() {
        int page = intArg("page", 0, 0, Integer.MAX_VALUE);
        int size = intArg("size", 20, 1, MAX_SIZE);
        Sql.Builder items = select();
        where(items);
        orderBy(items);
        items.append(" LIMIT ").append(items.bindPlain((long) size))
                .append(" OFFSET ").append(items.bindPlain((long) page * size));
        return new DbPlan.Page(items.build(), countSql(), page, size);
    }

    private DbPlan count() {
        return new DbPlan.Single(countSql(), DbPlan.Shape.COUNT);
    }

    private Sql countSql() {
        Sql.Builder b = new Sql.Builder().append("SELECT count(*) FROM ").append(table.qualifiedName());
        where(b);
        return b.build();
    }

    private Sql.Builder select() {
        return new Sql.Builder().append("SELECT ").append(projection()).append(" FROM ").append(table.qualifiedName());
    }

    private String projection() {
        List<String> fields = fieldList(args.get("proj"), "proj");
        if (fields.isEmpty()) return "*";
        StringJoiner j = new StringJoiner(", ");
        for (String f : fields) j.add(table.column(f, "proj").sql());
        return j.toString();
    }

    private void orderBy(Sql.Builder b) {
        List<String> items = fieldList(args.get("sort"), "sort");
        StringJoiner j = new StringJoiner(", ", " ORDER BY ", "");
        if (items.isEmpty()) {
            if (table.primaryKey().isEmpty()) return;
            for (String k : table.primaryKey()) j.add(Names.quote(k) + " ASC");
        } else {
            for (String item : items) {
                String[] parts = item.trim().split("\\s+");
                if (parts.length > 2) throw new ToolException("BAD_ARGS", "invalid sort item '" + TableMeta.abbreviate(item) + "'");
                String dir = parts.length == 2 ? parts[1].toUpperCase(Locale.ROOT) : "ASC";
                if (!dir.equals("ASC") && !dir.equals("DESC")) {
                    throw new ToolException("BAD_ARGS", "sort direction must be ASC or DESC, not '" + TableMeta.abbreviate(parts[1]) + "'");
                }
                j.add(table.column(parts[0], "sort").sql() + " " + dir);
            }
        }
        b.append(j.toString());
    }

    private void where(Sql.Builder b) {
        CqlExpr cond = condition();
        if (cond == null) return;
        b.append(" WHERE ");
        CqlTranslator.translate(cond, table, params(), binder, now, b);
    }

    private CqlExpr condition() {
        JsonNode exps = args.get("exps");
        if (exps == null || exps.isNull()) return null;
        if (!exps.isTextual()) throw new ToolException("BAD_ARGS", "exps must be a CQL text");
        return CqlParser.parse(exps.textValue());
    }

    private ObjectNode params() {
        JsonNode p = args.get("params");
        if (p == null || p.isNull()) return null;
        if (!p.isObject()) throw new ToolException("BAD_ARGS", "params must be an object");
        return (ObjectNode) p;
    }

    // ---- writes ----

    private DbPlan create() {
        return new DbPlan.Single(insert(dataColumns(dataObject(args.get("data"), "data"))), DbPlan.Shape.FIRST_ROW);
    }

    private Sql insert(Map<ColumnInfo, JsonNode> values) {
        Sql.Builder b = new Sql.Builder().append("INSERT INTO ").append(table.qualifiedName());
        if (values.isEmpty()) return b.append(" DEFAULT VALUES RETURNING *").build();
        StringJoiner cols = new StringJoiner(", ", " (", ")");
        StringJoiner vals = new StringJoiner(", ", " VALUES (", ")");
        values.forEach((c, v) -> {
            cols.add(c.sql());
            vals.add(b.bind(c, binder.bind(c, v)));
        });
        return b.append(cols.toString()).append(vals.toString()).append(" RETURNING *").build();
    }

    private DbPlan modify() {
        ObjectNode data = dataObject(args.get("data"), "data");
        ColumnInfo key = table.singleKey("modify");
        Map<ColumnInfo, JsonNode> values = dataColumns(data);
        JsonNode keyValue = values.remove(key);
        if (keyValue == null || keyValue.isNull()) {
            throw new ToolException("BAD_ARGS", "modify needs data." + Names.toKey(key.name()) + " (the primary key)");
        }
        values.values().removeIf(JsonNode::isNull);
        Sql.Builder b = new Sql.Builder();
        if (values.isEmpty()) { // nothing to change: answer the current row like an update would
            b.append("SELECT * FROM ").append(table.qualifiedName()).append(" WHERE ").append(key.sql()).append(" = ")
                    .append(b.bind(key, bindKey(key, keyValue)));
            return new DbPlan.Single(b.build(), DbPlan.Shape.FIRST_ROW);
        }
        StringJoiner set = new StringJoiner(", ");
        b.append("UPDATE ").append(table.qualifiedName()).append(" SET ");
        values.forEach((c, v) -> set.add(c.sql() + " = " + b.bind(c, binder.bind(c, v))));
        b.append(set.toString()).append(" WHERE ").append(key.sql()).append(" = ")
                .append(b.bind(key, bindKey(key, keyValue))).append(" RETURNING *");
        return new DbPlan.Single(b.build(), DbPlan.Shape.FIRST_ROW);
    }

    private DbPlan delete() {
        JsonNode id = args.get("id");
        boolean hasId = id != null && !id.isNull();
        CqlExpr cond = condition();
        if (!hasId && cond == null) {
            throw new ToolException("BAD_ARGS", "delete needs id or a non-empty exps (a delete without condition is refused)");
        }
        Sql.Builder b = new Sql.Builder().append("DELETE FROM ").append(table.qualifiedName()).append(" WHERE ");
        if (hasId) {
            ColumnInfo key = table.singleKey("delete by id");
            b.append(key.sql()).append(" = ").append(b.bind(key, bindKey(key, id)));
            if (cond != null) b.append(" AND ");
        }
        if (cond != null) CqlTranslator.translate(cond, table, params(), binder, now, b);
        return new DbPlan.Single(b.build(), DbPlan.Shape.ROW_COUNT);
    }

    /**
     * Upsert on the primary key. Written as update-else-insert in one statement rather than
     * INSERT … ON CONFLICT, because the latter checks NOT NULL columns of the proposed row first,
     * so a partial save of an existing row (only the fields to change) would fail.
     */
    private Sql save(ObjectNode data) {
        ColumnInfo key = table.singleKey("save");
        Map<ColumnInfo, JsonNode> values = dataColumns(data);
        JsonNode keyValue = values.get(key);
        if (keyValue == null || keyValue.isNull()) {
            values.remove(key);
            return insert(values);
        }
        Sql.Builder b = new Sql.Builder();
        StringJoiner set = new StringJoiner(", ");
        for (Map.Entry<ColumnInfo, JsonNode> e : values.entrySet()) {
            if (!e.getKey().equals(key)) set.add(e.getKey().sql() + " = " + b.bind(e.getKey(), binder.bind(e.getKey(), e.getValue())));
        }
        if (set.length() == 0) set.add(key.sql() + " = " + key.sql()); // only the key: a no-op update still returns the row
        b.append("WITH upd AS (UPDATE ").append(table.qualifiedName()).append(" SET ").append(set.toString())
                .append(" WHERE ").append(key.sql()).append(" = ").append(b.bind(key, bindKey(key, keyValue))).append(" RETURNING *), ")
                .append("ins AS (INSERT INTO ").append(table.qualifiedName());
        StringJoiner cols = new StringJoiner(", ", " (", ")");
        StringJoiner vals = new StringJoiner(", ", " SELECT ", "");
        values.forEach((c, v) -> {
            cols.add(c.sql());
            vals.add(b.bind(c, binder.bind(c, v)));
        });
        b.append(cols.toString()).append(vals.toString())
                .append(" WHERE NOT EXISTS (SELECT 1 FROM upd) RETURNING *) ")
                .append("SELECT * FROM upd UNION ALL SELECT * FROM ins");
        return b.build();
    }

    private DbPlan bulk() {
        JsonNode data = args.get("data");
        if (data == null || !data.isArray()) throw new ToolException("BAD_ARGS", "bulk needs data: an array of objects");
        if (data.size() > MAX_BULK) throw new ToolException("BAD_ARGS", "bulk accepts at most " + MAX_BULK + " rows, got " + data.size());
        List<Sql> statements = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) statements.add(save(dataObject(data.get(i), "data[" + i + "]")));
        return new DbPlan.Batch(statements);
    }

    private ObjectNode dataObject(JsonNode data, String name) {
        if (data == null || !data.isObject()) throw new ToolException("BAD_ARGS", name + " must be an object");
        return (ObjectNode) data;
    }

    /** data keys → columns (unknown keys, or two keys naming one column, are BAD_ARGS), in the caller's order. */
    private Map<ColumnInfo, JsonNode> dataColumns(ObjectNode data) {
        Map<ColumnInfo, JsonNode> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = data.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            ColumnInfo c = table.column(e.getKey(), "data");
            if (out.put(c, e.getValue()) != null) {
                throw new ToolException("BAD_ARGS", "data names column '" + c.name() + "' twice");
            }
        }
        return out;
    }

    private Object bindKey(ColumnInfo key, JsonNode v) {
        if (v.isContainerNode()) throw new ToolException("BAD_ARGS", "id must be a scalar");
        return binder.bind(key, v);
    }

    // ---- arg helpers ----

    private int intArg(String name, int dflt, int min, int max) {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) return dflt;
        long n;
        if (v.isIntegralNumber() && v.canConvertToLong()) n = v.longValue();
        else if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue())) n = (long) v.doubleValue();
        else throw new ToolException("BAD_ARGS", name + " must be an integer");
        if (n < min || n > max) {
            throw new ToolException("BAD_ARGS", name + " must be between " + min + " and " + (max == Integer.MAX_VALUE ? "2147483647" : max) + ", got " + n);
        }
        return (int) n;
    }

    /** A comma list of items as text (or, for convenience, an array of texts). */
    static List<String> fieldList(JsonNode v, String name) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isTextual()) {
            if (v.textValue().isBlank()) return out;
            for (String s : v.textValue().split(",", -1)) {
                if (s.isBlank()) throw new ToolException("BAD_ARGS", name + " has an empty item");
                out.add(s.trim());
            }
            return out;
        }
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isTextual() || e.textValue().isBlank()) throw new ToolException("BAD_ARGS", name + " items must be texts");
                out.add(e.textValue().trim());
            }
            return out;
        }
        throw new ToolException("BAD_ARGS", name + " must be a comma-separated text");
    }
}
