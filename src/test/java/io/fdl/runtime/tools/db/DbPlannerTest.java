package io.fdl.runtime.tools.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.port.ToolException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** SQL generation without a database: the exact text and parameters of tools.md §4.5. */
class DbPlannerTest {
    static final ObjectMapper M = new ObjectMapper();
    static final ValueBinder BINDER = new ValueBinder(ZoneOffset.UTC);
    static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

    static TableMeta orders() {
        Map<String, ColumnInfo> cols = new LinkedHashMap<>();
        cols.put("id", ColumnInfo.of("id", "pg_catalog", "int8"));
        cols.put("customer_id", ColumnInfo.of("customer_id", "pg_catalog", "text"));
        cols.put("status", ColumnInfo.of("status", "shop", "order_status"));
        cols.put("total", ColumnInfo.of("total", "pg_catalog", "numeric"));
        cols.put("created_at", ColumnInfo.of("created_at", "pg_catalog", "timestamptz"));
        cols.put("qty", ColumnInfo.of("qty", "pg_catalog", "int4"));
        return new TableMeta("shop", "orders", cols, List.of("id"));
    }

    static ObjectNode args(String json) throws Exception {
        return (ObjectNode) M.readTree(json);
    }

    static Sql single(DbOperation op, String json) throws Exception {
        return ((DbPlan.Single) DbPlanner.plan(op, orders(), args(json), BINDER, NOW)).sql();
    }

    @Test
    void specExampleTranslatesToParameterisedSql() throws Exception {
        Sql sql = single(DbOperation.LIST, """
                {"exps": "customerId = :cid && (status IN (paid, shipped) || total >= 100)", "params": {"cid": "C7"}}""");
        assertEquals("SELECT * FROM \"shop\".\"orders\" WHERE (\"customer_id\" = $1 AND (\"status\" IN "
                + "(CAST($2::text AS \"shop\".\"order_status\"), CAST($3::text AS \"shop\".\"order_status\")) OR \"total\" >= $4))"
                + " ORDER BY \"id\" ASC LIMIT $5 OFFSET $6", sql.text());
        assertEquals(List.of("C7", "paid", "shipped", new BigDecimal("100"), 100L, 0L), sql.params());
    }

    @Test
    void projectionSortAndLimits() throws Exception {
        Sql sql = single(DbOperation.LIST, """
                {"proj": "id, customerId", "sort": "createdAt desc, id", "size": 5, "offset": 10}""");
        assertEquals("SELECT \"id\", \"customer_id\" FROM \"shop\".\"orders\" ORDER BY \"created_at\" DESC, \"id\" ASC LIMIT $1 OFFSET $2", sql.text());
        assertEquals(List.of(5L, 10L), sql.params());
    }

    @Test
    void inWithArrayParameterAndEmptyArray() throws Exception {
        Sql sql = single(DbOperation.COUNT, """
                {"exps": "qty IN :q && qty NOT IN :none && id IN :none", "params": {"q": [1, "2"], "none": []}}""");
        assertEquals("SELECT count(*) FROM \"shop\".\"orders\" WHERE (\"qty\" IN ($1, $2) AND TRUE AND FALSE)", sql.text());
        assertEquals(List.of(1, 2), sql.params());
    }

    @Test
    void likeIsCaseInsensitiveAndNonTextColumnsUseTheirTextForm() throws Exception {
        Sql sql = single(DbOperation.COUNT, "{\"exps\": \"customerId LIKE 'ab%' || qty NOT LIKE '1_'\"}");
        assertEquals("SELECT count(*) FROM \"shop\".\"orders\" WHERE (\"customer_id\" ILIKE $1 OR CAST(\"qty\" AS text) NOT ILIKE $2)", sql.text());
    }

    @Test
    void timeFunctionsEvaluateAtCallTime() throws Exception {
        Sql sql = single(DbOperation.COUNT, "{\"exps\": \"createdAt > TIME(-1h) && createdAt < '2025-07-01'\"}");
        assertEquals(OffsetDateTime.parse("2025-06-30T11:00:00Z"), sql.params().get(0));
        assertEquals(OffsetDateTime.parse("2025-07-01T00:00:00Z"), sql.params().get(1));
    }

    @Test
    void nullParameterComparesWithIsNull() throws Exception {
        Sql sql = single(DbOperation.COUNT, "{\"exps\": \"customerId = :c\", \"params\": {\"c\": null}}");
        assertEquals("SELECT count(*) FROM \"shop\".\"orders\" WHERE \"customer_id\" IS NULL", sql.text());
    }

    @Test
    void numberLiteralKeepsItsSpellingForTextColumns() throws Exception {
        assertEquals(List.of("007"), single(DbOperation.COUNT, "{\"exps\": \"customerId = 007\"}").params());
    }

    @Test
    void writes() throws Exception {
        Sql insert = single(DbOperation.CREATE, "{\"data\": {\"customerId\": \"C1\", \"total\": 12.5}}");
        assertEquals("INSERT INTO \"shop\".\"orders\" (\"customer_id\", \"total\") VALUES ($1, $2) RETURNING *", insert.text());
        Sql update = single(DbOperation.MODIFY, "{\"data\": {\"id\": 7, \"total\": 3, \"customerId\": null}}");
        assertEquals("UPDATE \"shop\".\"orders\" SET \"total\" = $1 WHERE \"id\" = $2 RETURNING *", update.text());
        assertEquals(List.of(new BigDecimal("3"), 7L), update.params());
        Sql upsert = single(DbOperation.SAVE, "{\"data\": {\"id\": 7, \"qty\": 2}}");
        assertEquals("WITH upd AS (UPDATE \"shop\".\"orders\" SET \"qty\" = $1 WHERE \"id\" = $2 RETURNING *), "
                + "ins AS (INSERT INTO \"shop\".\"orders\" (\"id\", \"qty\") SELECT $3, $4 WHERE NOT EXISTS (SELECT 1 FROM upd) RETURNING *) "
                + "SELECT * FROM upd UNION ALL SELECT * FROM ins", upsert.text());
        assertEquals(List.of(2, 7L, 7L, 2), upsert.params());
        Sql delete = single(DbOperation.DELETE, "{\"id\": 7, \"exps\": \"qty > 1\"}");
        assertEquals("DELETE FROM \"shop\".\"orders\" WHERE \"id\" = $1 AND \"qty\" > $2", delete.text());
    }

    @Test
    void badArguments() {
        assertCode("BAD_ARGS", DbOperation.LIST, "{\"size\": 0}");
        assertCode("BAD_ARGS", DbOperation.LIST, "{\"size\": 1001}");
        assertCode("BAD_ARGS", DbOperation.LIST, "{\"offset\": -1}");
        assertCode("BAD_ARGS", DbOperation.PAGE, "{\"page\": 1.5}");
        assertCode("BAD_ARGS", DbOperation.LIST, "{\"size\": \"10\"}");
        assertCode("BAD_ARGS", DbOperation.DELETE, "{}");
        assertCode("BAD_ARGS", DbOperation.DELETE, "{\"exps\": \"  \"}");
        assertCode("BAD_ARGS", DbOperation.CREATE, "{\"data\": {\"nope\": 1}}");
        assertCode("BAD_ARGS", DbOperation.CREATE, "{\"data\": {\"customerId\": 1, \"customer_id\": 2}}");
        assertCode("BAD_ARGS", DbOperation.CREATE, "{\"data\": [1]}");
        assertCode("BAD_ARGS", DbOperation.MODIFY, "{\"data\": {\"total\": 1}}");
        assertCode("BAD_ARGS", DbOperation.LIST, "{\"exps\": \"qty = abc\"}");
        assertCode("BAD_ARGS", DbOperation.LIST, "{\"exps\": \"qty = 1.5\"}");
        assertCode("BAD_ARGS", DbOperation.LIST, "{\"exps\": \"qty = :p\"}");
        assertCode("BAD_ARGS", DbOperation.LIST, "{\"exps\": \"qty IN :p\", \"params\": {\"p\": 3}}");
        assertCode("BAD_ARGS", DbOperation.LIST, "{\"exps\": \"createdAt > yesterday\"}");
        assertCode("BAD_ARGS", DbOperation.LIST, "{\"exps\": 5}");
        assertCode("BAD_ARGS", DbOperation.BULK, "{\"data\": {}}");
        assertCode("CQL_SYNTAX", DbOperation.LIST, "{\"exps\": \"qty = \"}");
    }

    private static void assertCode(String code, DbOperation op, String json) {
        ToolException e = assertThrows(ToolException.class, () -> DbPlanner.plan(op, orders(), args(json), BINDER, NOW), json);
        assertEquals(code, e.code(), json + " -> " + e.getMessage());
    }
}
