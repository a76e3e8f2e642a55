package io.fdl.runtime.tools.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.tools.cql.CqlExpr;
import io.fdl.runtime.tools.cql.CqlValue;
import io.fdl.runtime.tools.cql.DateTexts;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.StringJoiner;

/**
 * CQL tree → parameterised SQL condition (tools.md §4.5). Only quoted catalog identifiers and fixed
 * keywords are written into the text; every value becomes a bound parameter converted to its
 * column's type.
 */
public final class CqlTranslator {
    private final TableMeta table;
    private final ObjectNode params;
    private final ValueBinder binder;
    private final Instant now;
    private final Sql.Builder out;

    private CqlTranslator(TableMeta table, ObjectNode params, ValueBinder binder, Instant now, Sql.Builder out) {
        this.table = table;
        this.params = params;
        this.binder = binder;
        this.now = now;
        this.out = out;
    }

    /** Appends the SQL of {@code expr} to {@code out}. */
    public static void translate(CqlExpr expr, TableMeta table, ObjectNode params, ValueBinder binder, Instant now, Sql.Builder out) {
        new CqlTranslator(table, params, binder, now, out).emit(expr);
    }

    private void emit(CqlExpr e) {
        // Java 17: no pattern matching in switch yet, so an instanceof chain over the sealed family
        if (e instanceof CqlExpr.Or or) junction(or.operands(), " OR ");
        else if (e instanceof CqlExpr.And and) junction(and.operands(), " AND ");
        else if (e instanceof CqlExpr.Compare c) compare(c);
        else if (e instanceof CqlExpr.IsNull n) out.append(column(n.field()).sql()).append(n.negated() ? " IS NOT NULL" : " IS NULL");
        else if (e instanceof CqlExpr.InList in) inList(in);
        else if (e instanceof CqlExpr.InParam in) inParam(in);
        else if (e instanceof CqlExpr.Like like) like(like);
        else throw new IllegalStateException("unknown CQL node " + e);
    }

    private void junction(java.util.List<CqlExpr> operands, String op) {
        out.append("(");
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) out.append(op);
            emit(operands.get(i));
        }
        out.append(")");
    }

    private void compare(CqlExpr.Compare c) {
        ColumnInfo col = column(c.field());
        if (c.value() instanceof CqlValue.Param p) {
            JsonNode v = param(p);
            // a null parameter compares like NULL in the text: = → IS NULL, <> → IS NOT NULL
            if (v.isNull() && (c.op().equals("=") || c.op().equals("<>"))) {
                out.append(col.sql()).append(c.op().equals("=") ? " IS NULL" : " IS NOT NULL");
                return;
            }
            if (v.isNull()) throw new ToolException("BAD_ARGS", "parameter :" + p.name() + " is null and cannot be compared with '" + c.op() + "'");
        }
        out.append(col.sql()).append(" ").append(c.op()).append(" ").append(out.bind(col, value(col, c.value())));
    }

    private void inList(CqlExpr.InList in) {
        ColumnInfo col = column(in.field());
        StringJoiner j = new StringJoiner(", ", col.sql() + (in.negated() ? " NOT IN (" : " IN ("), ")");
        for (CqlValue v : in.values()) j.add(out.bind(col, value(col, v)));
        out.append(j.toString());
    }

    private void inParam(CqlExpr.InParam in) {
        ColumnInfo col = column(in.field());
        JsonNode arr = params == null ? null : params.get(in.param().name());
        if (arr == null || !arr.isArray()) {
            throw new ToolException("BAD_ARGS", "parameter :" + in.param().name() + " used with IN must be an array");
        }
        if (arr.isEmpty()) {
            out.append(in.negated() ? "TRUE" : "FALSE");
            return;
        }
        StringJoiner j = new StringJoiner(", ", col.sql() + (in.negated() ? " NOT IN (" : " IN ("), ")");
        for (JsonNode e : arr) {
            if (e.isNull()) throw new ToolException("BAD_ARGS", "parameter :" + in.param().name() + " contains null (not allowed inside IN)");
            j.add(out.bind(col, bindJson(col, e)));
        }
        out.append(j.toString());
    }

    private void like(CqlExpr.Like like) {
        ColumnInfo col = column(like.field());
        if (like.pattern() instanceof CqlValue.TimeFn) {
            throw new ToolException("BAD_ARGS", "LIKE on '" + like.field().name() + "' needs a text pattern");
        }
        JsonNode pattern = like.pattern() instanceof CqlValue.Param p ? param(p) : literal(like.pattern());
        if (pattern.isNull() || pattern.isContainerNode()) {
            throw new ToolException("BAD_ARGS", "LIKE on '" + like.field().name() + "' needs a text pattern");
        }
        // non-text columns are matched by their text form, like GML LIKE on numbers and booleans
        String lhs = col.kind() == ColumnKind.TEXT ? col.sql() : "CAST(" + col.sql() + " AS text)";
        out.append(lhs).append(like.negated() ? " NOT ILIKE " : " ILIKE ")
                .append(out.bindPlain(io.fdl.runtime.tools.TextForm.of(pattern)));
    }

    private ColumnInfo column(CqlExpr.Field f) {
        return table.column(f.name(), "exps");
    }

    private JsonNode param(CqlValue.Param p) {
        JsonNode v = params == null ? null : params.get(p.name());
        if (v == null) throw new ToolException("BAD_ARGS", "missing parameter :" + p.name() + " (args.params." + p.name() + ")");
        return v;
    }

    private Object value(ColumnInfo col, CqlValue v) {
        if (v instanceof CqlValue.Param p) return bindJson(col, param(p));
        if (v instanceof CqlValue.TimeFn fn) {
            try {
                return binder.bindTime(col, DateTexts.evaluate(fn, now, binder.zone()));
            } catch (IllegalArgumentException e) {
                throw new ToolException("BAD_ARGS", e.getMessage() + " (column " + fn.column() + " of exps)");
            }
        }
        // a number literal compared with a text column keeps its spelling (code = 007 means '007')
        if (v instanceof CqlValue.Number n && col.kind().isTextLike()) return bindJson(col, TextNode.valueOf(n.literal()));
        return bindJson(col, literal(v));
    }

    private Object bindJson(ColumnInfo col, JsonNode v) {
        // json columns compare with the literal as a JSON value; everything else by the column's type
        return binder.bind(col, v);
    }

    private static JsonNode literal(CqlValue v) {
        if (v instanceof CqlValue.Text t) return TextNode.valueOf(t.value());
        if (v instanceof CqlValue.Number n) return DecimalNode.valueOf(new BigDecimal(n.literal()));
        if (v instanceof CqlValue.Bool b) return BooleanNode.valueOf(b.value());
        throw new IllegalStateException("not a literal: " + v);
    }
}
