package io.fdl.runtime.tools.db;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.engine.port.ToolCall;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.tools.DatasourceConfig;
import io.fdl.runtime.tools.support.Calls;
import io.fdl.runtime.tools.support.MapToolRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import static io.fdl.runtime.tools.support.Calls.json;
import static org.junit.jupiter.api.Assertions.*;

/**
 * db:// against the real PostgreSQL: database fdl_tools_target, schema tools_test created here.
 * A plain JUnit test (no Quarkus) against a real database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbToolHandlerTest {
    static final String URL = "postgresql://fdl:fdl@127.0.0.1:5432/fdl_tools_target";

    Vertx vertx;
    Pool admin;
    DatasourcePools pools;
    DbToolHandler handler;

    @BeforeAll
    void setUp() {
        vertx = Vertx.vertx();
        admin = Pool.pool(vertx, PgConnectOptions.fromUri(URL), new PoolOptions().setMaxSize(2));
        admin.query("""
                DROP SCHEMA IF EXISTS tools_test CASCADE;
                CREATE SCHEMA tools_test;
                CREATE TYPE tools_test.order_status AS ENUM ('open', 'paid', 'shipped');
                CREATE TABLE tools_test.orders (
                  id bigserial PRIMARY KEY, customer_id text NOT NULL,
                  status tools_test.order_status NOT NULL DEFAULT 'open', total numeric(12,2), qty int,
                  rate double precision, paid boolean DEFAULT false, created_at timestamptz DEFAULT now(),
                  due_date date, meta jsonb, tags text[], ref uuid, local_ts timestamp, blob bytea);
                CREATE TABLE tools_test.order_items (order_id bigint, line int, sku text, PRIMARY KEY (order_id, line));
                """).execute().await().atMost(Duration.ofSeconds(20));
        MapToolRegistry registry = new MapToolRegistry()
                .datasource(Calls.TENANT, ds("shop", false, true, true))
                .datasource(Calls.TENANT, ds("shopro", true, true, true))
                .datasource(Calls.TENANT, ds("nonative", false, false, true))
                .datasource(Calls.TENANT, ds("off", false, true, false))
                .datasource(Calls.TENANT, new DatasourceConfig("other", "mysql", URL, "tools_test", null, 2, 5000, false, false, true))
                .datasource(Calls.TENANT, new DatasourceConfig("refused", "postgresql", "postgresql://fdl:fdl@127.0.0.1:1/fdl_tools_target",
                        "tools_test", "orders", 2, 5000, false, false, true))
                .datasource(Calls.TENANT, new DatasourceConfig("defaulted", "postgresql", URL, "tools_test", "orders", 2, 5000, false, false, true));
        pools = new DatasourcePools(vertx);
        handler = new DbToolHandler(registry, pools, new DbExecutor(new RowReader(ZoneOffset.UTC, Calls.M)),
                new ValueBinder(ZoneOffset.UTC), Clock.systemUTC());
    }

    static DatasourceConfig ds(String name, boolean readOnly, boolean allowNative, boolean enabled) {
        return new DatasourceConfig(name, "postgresql", URL, "tools_test", null, 4, 5000, readOnly, allowNative, enabled);
    }

    @BeforeEach
    void clean() {
        admin.query("TRUNCATE tools_test.orders RESTART IDENTITY; TRUNCATE tools_test.order_items").execute().await().atMost(Duration.ofSeconds(10));
    }

    @AfterAll
    void tearDown() {
        pools.close();
        admin.close().await().atMost(Duration.ofSeconds(5));
        vertx.close().await().atMost(Duration.ofSeconds(5));
    }

    JsonNode run(String service, String path, String args) {
        return run(Calls.call("db", service, path, null, args, 5000));
    }

    JsonNode run(ToolCall call) {
        return handler.invoke(call, false).await().atMost(Duration.ofSeconds(15));
    }

    ToolException fails(String service, String path, String args) {
        return assertThrows(ToolException.class, () -> run(service, path, args));
    }

    void seed() {
        run("shop", "orders/bulk", """
                {"data": [
                  {"customerId": "C7", "status": "paid", "total": 150, "qty": 1, "tags": ["a", "b"]},
                  {"customerId": "C7", "status": "open", "total": 20.5, "qty": 2},
                  {"customerId": "C8", "status": "shipped", "total": 99.99, "qty": 3, "paid": true},
                  {"customerId": "O'Neil", "status": "open", "total": 5, "qty": 4}
                ]}""");
    }

    @Test
    void createReturnsTheRowWithCamelCaseKeysAndMappedTypes() {
        JsonNode row = run("shop", "orders/create", """
                {"data": {"customerId": "C1", "total": 12.5, "qty": 3, "rate": 0.25, "paid": true,
                 "dueDate": "2025-02-03", "meta": {"a": [1, 2]}, "tags": ["x", "y"],
                 "ref": "5f0c2b8e-1a2b-4c3d-8e9f-001122334455", "localTs": "2025-01-02T03:04:05",
                 "createdAt": "2025-01-02T03:04:05.123456+02:00", "blob": "AAEC"}}""");
        assertEquals(1, row.get("id").longValue());
        assertTrue(row.get("id").isIntegralNumber());
        assertEquals("C1", row.get("customerId").textValue());
        assertEquals("open", row.get("status").textValue());
        assertEquals(12.5, row.get("total").doubleValue());
        assertEquals(3, row.get("qty").intValue());
        assertEquals(0.25, row.get("rate").doubleValue());
        assertTrue(row.get("paid").booleanValue());
        assertEquals("2025-02-03", row.get("dueDate").textValue());
        assertJson("{\"a\": [1, 2]}", row.get("meta"));
        assertEquals("[\"x\",\"y\"]", row.get("tags").toString());
        assertEquals("5f0c2b8e-1a2b-4c3d-8e9f-001122334455", row.get("ref").textValue());
        assertEquals("2025-01-02T03:04:05.000Z", row.get("localTs").textValue());
        assertEquals("2025-01-02T01:04:05.123Z", row.get("createdAt").textValue());
        assertEquals("AAEC", row.get("blob").textValue());
        // numeric without fraction is an integer
        JsonNode whole = run("shop", "orders/create", "{\"data\": {\"customerId\": \"C2\", \"total\": 150}}");
        assertTrue(whole.get("total").isIntegralNumber(), whole.toString());
    }

    @Test
    void takeListPageCount() {
        seed();
        assertEquals("C8", run("shop", "orders/take", "{\"id\": 3}").get("customerId").textValue());
        assertTrue(run("shop", "orders/take", "{\"id\": 99}").isNull());
        assertEquals(4, run("shop", "orders/take", "{\"exps\": \"customerId = 'O''Neil'\"}").get("id").intValue());
        JsonNode last = run("shop", "orders/take", "{\"exps\": \"customerId = C7\", \"sort\": \"total desc\", \"proj\": \"id,total\"}");
        assertJson("{\"id\": 1, \"total\": 150}", last);

        JsonNode list = run("shop", "orders/list", """
                {"exps": "customerId = :cid && (status IN (paid, shipped) || total >= 100)", "params": {"cid": "C7"}}""");
        assertEquals(1, list.size());
        assertEquals(2, run("shop", "orders/list", "{\"size\": 2, \"offset\": 1, \"proj\": \"id\"}").size());
        assertEquals("[{\"id\":4},{\"id\":3}]", run("shop", "orders/list", "{\"sort\": \"id DESC\", \"size\": 2, \"proj\": [\"id\"]}").toString());
        assertEquals(2, run("shop", "orders/list", "{\"exps\": \"status in :s\", \"params\": {\"s\": [\"paid\", \"shipped\"]}}").size());
        assertEquals(0, run("shop", "orders/list", "{\"exps\": \"status in :s\", \"params\": {\"s\": []}}").size());
        assertEquals(2, run("shop", "orders/list", "{\"exps\": \"customerId like 'c%' && customerId NOT LIKE '%8'\"}").size());
        assertEquals(1, run("shop", "orders/list", "{\"exps\": \"tags IS NOT NULL\"}").size());
        assertEquals(4, run("shop", "orders/list", "{\"exps\": \"createdAt > TIME(-1h) AND createdAt <= NOW()\"}").size());
        assertEquals(1, run("shop", "orders/list", "{\"exps\": \"paid = true\"}").size());
        assertEquals(1, run("shop", "orders/list", "{\"exps\": \"qty LIKE '3'\"}").size());

        JsonNode page = run("shop", "orders/page", "{\"page\": 1, \"size\": 3, \"sort\": \"id\"}");
        assertEquals(4, page.get("total").intValue());
        assertEquals(1, page.get("items").size());
        assertEquals(4, page.get("items").get(0).get("id").intValue());
        assertEquals(1, page.get("page").intValue());
        assertEquals(3, page.get("size").intValue());
        assertEquals(2, page.get("totalPages").intValue());
        assertJson("{\"value\": 2}", run("shop", "orders/count", "{\"exps\": \"customerId = C7\"}"));
        assertJson("{\"value\": 4}", run("shop.orders", "count", "{}"));
        assertJson("{\"value\": 4}", run("defaulted", "count", "{}"));
    }

    @Test
    void modifyDeleteSave() {
        seed();
        JsonNode updated = run("shop", "orders/modify", "{\"data\": {\"id\": 2, \"status\": \"paid\", \"qty\": null}}");
        assertEquals("paid", updated.get("status").textValue());
        assertEquals(2, updated.get("qty").intValue(), "null fields are left alone");
        assertTrue(run("shop", "orders/modify", "{\"data\": {\"id\": 42, \"qty\": 1}}").isNull());
        assertJson("{\"value\": 1}", run("shop", "orders/delete", "{\"id\": 4}"));
        assertJson("{\"value\": 2}", run("shop", "orders/delete", "{\"exps\": \"customerId = C7\"}"));
        assertEquals("BAD_ARGS", fails("shop", "orders/delete", "{}").code());
        assertJson("{\"value\": 1}", run("shop", "orders/count", "{}"));

        JsonNode inserted = run("shop", "orders/save", "{\"data\": {\"customerId\": \"N1\", \"qty\": 9}}");
        long id = inserted.get("id").longValue();
        JsonNode upserted = run("shop", "orders/save", "{\"data\": {\"id\": " + id + ", \"qty\": 10}}");
        assertEquals(10, upserted.get("qty").intValue());
        assertEquals("N1", upserted.get("customerId").textValue());
        JsonNode explicit = run("shop", "orders/save", "{\"data\": {\"id\": 500, \"customerId\": \"N2\"}}");
        assertEquals(500, explicit.get("id").intValue());
        assertJson("{\"value\": 3}", run("shop", "orders/count", "{}"));
    }

    @Test
    void bulkIsOneTransaction() {
        ToolException e = fails("shop", "orders/bulk", """
                {"data": [{"customerId": "B1"}, {"customerId": null}]}""");
        assertEquals("DB_ERROR", e.code());
        assertTrue(e.getMessage().contains("customer_id"), e.getMessage());
        assertJson("{\"value\": 0}", run("shop", "orders/count", "{}"), "the first row was rolled back");
        StringBuilder many = new StringBuilder("{\"data\": [");
        for (int i = 0; i < 1001; i++) many.append(i == 0 ? "" : ",").append("{\"customerId\": \"x\"}");
        assertEquals("BAD_ARGS", fails("shop", "orders/bulk", many.append("]}").toString()).code());
    }

    @Test
    void nativeQueries() {
        seed();
        JsonNode rows = run("shop", "native", """
                {"query": "SELECT customer_id, sum(total) AS sum_total FROM tools_test.orders WHERE qty >= ? AND customer_id <> '?' GROUP BY customer_id ORDER BY 1", "params": [2]}""");
        assertEquals("[{\"customerId\":\"C7\",\"sumTotal\":20.5},{\"customerId\":\"C8\",\"sumTotal\":99.99},{\"customerId\":\"O'Neil\",\"sumTotal\":5}]", rows.toString());
        assertJson("{\"value\": 2}", run("shop", "native", "{\"query\": \"UPDATE tools_test.orders SET qty = qty + 1 WHERE customer_id = ?\", \"params\": [\"C7\"]}"));
        assertEquals("BAD_ARGS", fails("shop", "native", "{\"query\": \"SELECT ?\", \"params\": []}").code());
        assertEquals("NOT_ALLOWED", fails("nonative", "native", "{\"query\": \"SELECT 1\"}").code());
        assertEquals("DB_ERROR", fails("shop", "native", "{\"query\": \"SELEC 1\"}").code());
    }

    @Test
    void readOnlyDatasource() {
        seed();
        assertJson("{\"value\": 4}", run("shopro", "orders/count", "{}"));
        for (String op : new String[]{"create", "modify", "delete", "save", "bulk"}) {
            assertEquals("NOT_ALLOWED", fails("shopro", "orders/" + op, "{\"data\": {\"customerId\": \"x\"}, \"id\": 1}").code(), op);
        }
        ToolException e = fails("shopro", "native", "{\"query\": \"DELETE FROM tools_test.orders\"}");
        assertEquals("NOT_ALLOWED", e.code(), e.getMessage());
        assertJson("{\"value\": 4}", run("shop", "orders/count", "{}"));
    }

    @Test
    void registrationErrors() {
        assertEquals("NOT_FOUND_TOOL", fails("nope", "orders/list", "{}").code());
        assertEquals("NOT_FOUND_TOOL", fails("nope.orders", "list", "{}").code());
        assertEquals("NOT_FOUND_TOOL", fails("shop", "missing_table/list", "{}").code());
        assertEquals("NOT_FOUND_TOOL", fails("other", "orders/list", "{}").code());
        assertEquals("TOOL_DISABLED", fails("off", "orders/list", "{}").code());
        assertEquals("BAD_ARGS", fails("shop", "list", "{}").code(), "no table in the URI and none configured");
        assertEquals("BAD_ARGS", fails("shop", "orders/explode", "{}").code());
        assertEquals("BAD_ARGS", fails("shop", "order_items/take", "{\"id\": 1}").code(), "composite key");
        assertEquals("CONNECTION_ERROR", fails("refused", "count", "{}").code());
        assertEquals("NOT_FOUND_TOOL", assertThrows(ToolException.class,
                () -> run(Calls.call("00000000-0000-0000-0000-0000000000bb", "db", "shop", "orders/list", null, "{}", 5000))).code(),
                "another tenant's datasource is invisible");
    }

    @Test
    void databaseErrorsCarryTheMessage() {
        ToolException e = fails("shop", "orders/create", "{\"data\": {\"status\": \"paid\"}}");
        assertEquals("DB_ERROR", e.code());
        assertTrue(e.getMessage().contains("null value in column \"customer_id\""), e.getMessage());
        assertEquals("DB_ERROR", fails("shop", "orders/list", "{\"exps\": \"status = lost\"}").code(), "not an enum label");
    }

    @Test
    void statementTimeoutIsTimeout() {
        ToolException e = assertThrows(ToolException.class, () -> run(Calls.call("db", "shop", "native", null,
                "{\"query\": \"SELECT pg_sleep(5)\"}", 300)));
        assertEquals("TIMEOUT", e.code());
    }

    @Test
    void cancellationStopsTheRunningStatement() throws Exception {
        Uni<JsonNode> slow = handler.invoke(Calls.call("db", "shop", "native", null,
                "{\"query\": \"SELECT pg_sleep(30), 'fdl-cancel-probe'\"}", 60_000), false);
        Cancellable c = slow.subscribe().with(x -> {}, x -> {});
        assertTrue(waitFor(() -> activeProbe() == 1, 5_000), "the statement runs");
        c.cancel();
        assertTrue(waitFor(() -> activeProbe() == 0, 5_000), "the statement was cancelled on the server");
        assertJson("{\"value\": 0}", run("shop", "orders/count", "{}"), "the pool still works");
    }

    /** Compares by serialised form: a count read as int or long is the same JSON. */
    static void assertJson(String expected, JsonNode actual) {
        assertEquals(json(expected).toString(), actual.toString());
    }

    static void assertJson(String expected, JsonNode actual, String message) {
        assertEquals(json(expected).toString(), actual.toString(), message);
    }

    long activeProbe() {
        return admin.query("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%fdl-cancel-probe%' AND query NOT LIKE '%pg_stat_activity%'")
                .execute().await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    static boolean waitFor(java.util.function.BooleanSupplier cond, long ms) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            if (cond.getAsBoolean()) return true;
            Thread.sleep(50);
        }
        return cond.getAsBoolean();
    }

    /** Attempts to change a statement's structure through exps, proj, sort, data keys or the URI. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"exps\": \"customerId = 'x'; DROP TABLE tools_test.orders; --'\"}",
            "{\"exps\": \"customerId = x' OR '1'='1\"}",
            "{\"exps\": \"customerId = 1 OR 1 = 1\"}",
            "{\"exps\": \"1 = 1\"}",
            "{\"exps\": \"customerId = C7 -- comment\"}",
            "{\"exps\": \"customerId = C7; DELETE FROM tools_test.orders\"}",
            "{\"exps\": \"\\\"customer_id\\\" = C7\"}",
            "{\"exps\": \"customer_id\\\" = 'x' OR \\\"1 = 1\"}",
            "{\"exps\": \"(SELECT 1) = 1\"}",
            "{\"exps\": \"customerId = (SELECT 1)\"}",
            "{\"exps\": \"pg_sleep(1) IS NULL\"}",
            "{\"exps\": \"customerId IN (SELECT customer_id FROM tools_test.orders)\"}",
            "{\"exps\": \"id = 1 UNION SELECT 1\"}",
            "{\"exps\": \"customerId = :p\", \"params\": {\"p\": {\"x\": 1}}}",
            "{\"proj\": \"id, (SELECT 1)\"}",
            "{\"proj\": \"*\"}",
            "{\"proj\": \"id; DROP TABLE tools_test.orders\"}",
            "{\"proj\": \"id\\\"--\"}",
            "{\"proj\": \"count(*)\"}",
            "{\"proj\": \"id AS x\"}",
            "{\"proj\": \"pg_catalog.pg_sleep\"}",
            "{\"sort\": \"id; DROP TABLE tools_test.orders\"}",
            "{\"sort\": \"id DESC, (SELECT 1)\"}",
            "{\"sort\": \"id DESCC\"}",
            "{\"sort\": \"id ASC NULLS FIRST\"}",
            "{\"sort\": \"1\"}",
            "{\"sort\": \"random()\"}",
            "{\"sort\": \"id DESC --\"}",
            "{\"exps\": \"customerId = C7\", \"sort\": \"\\\"id\\\"\"}",
    })
    void injectionAttemptsAreRejected(String args) {
        seed();
        ToolException e = assertThrows(ToolException.class, () -> run("shop", "orders/list", args), args);
        assertTrue(e.code().equals("BAD_ARGS") || e.code().equals("CQL_SYNTAX"), args + " -> " + e.code() + ": " + e.getMessage());
        assertJson("{\"value\": 4}", run("shop", "orders/count", "{}"), "table intact");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"data\": {\"customerId\\\") VALUES ('x'); DROP TABLE tools_test.orders; --\": \"x\"}}",
            "{\"data\": {\"customer_id, status\": \"x\"}}",
            "{\"data\": {\"\": \"x\"}}",
            "{\"data\": {\"customerId\": \"x\", \"id) DO NOTHING; --\": 1}}",
            "{\"data\": {\"xmin\": 1}}",
    })
    void injectionThroughDataKeysIsRejected(String args) {
        seed();
        ToolException e = assertThrows(ToolException.class, () -> run("shop", "orders/create", args), args);
        assertEquals("BAD_ARGS", e.code(), e.getMessage());
        assertJson("{\"value\": 4}", run("shop", "orders/count", "{}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders;drop/list", "orders\"/list", "pg_catalog.pg_class/list", "orders--/list", "../orders/list"})
    void injectionThroughTheUriIsRejected(String path) {
        ToolException e = assertThrows(ToolException.class, () -> run("shop", path, "{}"), path);
        assertTrue(e.code().equals("BAD_ARGS") || e.code().equals("NOT_FOUND_TOOL"), path + " -> " + e.code());
    }

    @Test
    void hostileValuesAreBoundAsData() {
        seed();
        String evil = "x' OR '1'='1";
        assertEquals(0, run("shop", "orders/list", "{\"exps\": \"customerId = :p\", \"params\": {\"p\": \"" + evil + "\"}}").size());
        assertEquals(0, run("shop", "orders/list", "{\"exps\": \"customerId = 'x'' OR ''1''=''1'\"}").size());
        JsonNode row = run("shop", "orders/create", "{\"data\": {\"customerId\": \"Robert'); DROP TABLE tools_test.orders;--\"}}");
        assertEquals("Robert'); DROP TABLE tools_test.orders;--", row.get("customerId").textValue());
        assertJson("{\"value\": 5}", run("shop", "orders/count", "{}"));
    }
}
