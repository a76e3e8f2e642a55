package io.fdl.runtime.api;

import io.fdl.runtime.testsupport.PostgresStorageFaultsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static io.fdl.runtime.api.TestFlows.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

/**
 * NUL characters and storage faults against the real PostgreSQL: every execution ends in a
 * terminal state (in the response and in the row), the sync client is answered, the single
 * execution slot of this profile is released. The faults are injected by a trigger on the
 * execution table keyed by flow name, so only these tests' runs are affected.
 */
@QuarkusTest
@TestProfile(PostgresStorageFaultsProfile.class)
class PostgresStorageFaultTest {
    private static final String NUL_OUTPUT = """
            flow:
                name: nul-output
                node:
                    a:
                        with: text = parseJson('"a\\\\u0000b"'), key = parseJson('{"k\\\\u0000":1}')
            """;

    @BeforeAll
    static void installFaults() throws Exception {
        try (Connection c = PgDb.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS test_fault_switch (name text PRIMARY KEY, enabled boolean NOT NULL)");
            st.execute("INSERT INTO test_fault_switch VALUES ('outage', true) ON CONFLICT (name) DO UPDATE SET enabled = true");
            st.execute("DROP SEQUENCE IF EXISTS test_flaky_seq");
            st.execute("CREATE SEQUENCE test_flaky_seq");
            st.execute("""
                    CREATE OR REPLACE FUNCTION test_fault() RETURNS trigger AS $$
                    BEGIN
                      IF NEW.status IN ('completed', 'failed', 'cancelled') THEN
                        -- a rule of the database refuses the result, but not the small STORAGE_ERROR record
                        IF NEW.flow_name = 'refused-result'
                           AND coalesce(NEW.result->'error_detail'->>'code', '') <> 'STORAGE_ERROR' THEN
                          RAISE EXCEPTION 'result refused (test)' USING ERRCODE = '23514';
                        END IF;
                        -- the first two final writes meet an unavailable database (nextval is not rolled back)
                        IF NEW.flow_name = 'flaky-store' AND nextval('test_flaky_seq') <= 2 THEN
                          RAISE EXCEPTION 'cannot connect now (test)' USING ERRCODE = '57P03';
                        END IF;
                        -- an outage longer than the retries, until the switch is turned off
                        IF NEW.flow_name = 'long-outage'
                           AND (SELECT enabled FROM test_fault_switch WHERE name = 'outage') THEN
                          RAISE EXCEPTION 'cannot connect now (test)' USING ERRCODE = '57P03';
                        END IF;
                      END IF;
                      RETURN NEW;
                    END $$ LANGUAGE plpgsql""");
            st.execute("DROP TRIGGER IF EXISTS test_fault ON execution_history");
            st.execute("CREATE TRIGGER test_fault BEFORE UPDATE ON execution_history FOR EACH ROW EXECUTE FUNCTION test_fault()");
        }
    }

    @AfterAll
    static void removeFaults() throws Exception {
        try (Connection c = PgDb.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER IF EXISTS test_fault ON execution_history");
        }
    }

    private static String flow(String name, String body) {
        return "flow:\n    name: " + name + "\n    node:\n        a:\n            with: " + body + "\n";
    }

    @Test
    void nulProducedByARunIsStoredAsReplacementCharacter() throws Exception {
        String id = as(TENANT_A, "executor").body(Map.of("fdl", NUL_OUTPUT)).post("/api/execute/run")
                .then().statusCode(200).body("status", equalTo("completed"))
                .body("result.outputs.text", equalTo("a\uFFFDb"))
                .body("result.outputs.key", hasKey("k\uFFFD"))
                .extract().path("execution_id");
        assertThat(PgDb.executionStatus(id), equalTo("completed"));
        // the events were stored too (the terminal one last), with the same replacement
        as(TENANT_A, "viewer").get("/api/execute/" + id + "/events").then().statusCode(200)
                .body("events[-1].event_type", equalTo("completed"))
                .body("events[-1].data.outputs.text", equalTo("a\uFFFDb"));
        assertThat(PgDb.eventCount(id), greaterThanOrEqualTo(3L));
        // the only slot was released
        runOnce("after-nul");
    }

    @Test
    void nulInRequestTextIsRefusedWithInvalidText() {
        editorA().body("{\"name\":\"a\\u0000b\"}").post("/api/flows")
                .then().statusCode(400).body("code", equalTo("INVALID_TEXT"));
        editorA().body("{\"name\":\"ok\",\"description\":\"d\\u0000\"}").post("/api/flows")
                .then().statusCode(400).body("code", equalTo("INVALID_TEXT"));
        String flowId = createFlow(editorA(), "nul labels");
        editorA().body("{\"fdl\":" + json(flow("labelled", "x = 1")) + ",\"label\":\"v\\u0000\"}")
                .post("/api/flows/" + flowId + "/versions").then().statusCode(400).body("code", equalTo("INVALID_TEXT"));
        editorA().get("/api/flows/" + flowId + "/versions").then().body("total", equalTo(0));
        as(TENANT_A, "executor").body("{\"fdl\":" + json(flow("nul-input", "x = 1")) + ",\"inputs\":{\"s\":\"\\u0000\"}}")
                .post("/api/execute/run").then().statusCode(400).body("code", equalTo("INVALID_TEXT"));
        as(TENANT_A, "executor").body("{\"fdl\":" + json(flow("nul-key", "x = 1")) + ",\"inputs\":{\"\\u0000\":1}}")
                .post("/api/execute/run").then().statusCode(400).body("code", equalTo("INVALID_TEXT"));
        as(TENANT_A, "viewer").urlEncodingEnabled(false).get("/api/flows?q=a%00b")
                .then().statusCode(400).body("code", equalTo("INVALID_TEXT"));
    }

    @Test
    void aRefusedResultEndsTheRunWithStorageError() throws Exception {
        String id = as(TENANT_A, "executor").body(Map.of("fdl", flow("refused-result", "x = 1"))).post("/api/execute/run")
                .then().statusCode(200).body("status", equalTo("failed"))
                .body("result.error_detail.code", equalTo("STORAGE_ERROR"))
                .extract().path("execution_id");
        assertThat(PgDb.executionStatus(id), equalTo("failed"));
        as(TENANT_A, "viewer").get("/api/execute/status/" + id).then().statusCode(200)
                .body("status", equalTo("failed")).body("result.error_detail.code", equalTo("STORAGE_ERROR"));
        runOnce("after-refused");
    }

    @Test
    void aShortOutageIsRetriedAndTheResultKept() throws Exception {
        String id = as(TENANT_A, "executor").body(Map.of("fdl", flow("flaky-store", "x = 41 + 1"))).post("/api/execute/run")
                .then().statusCode(200).body("status", equalTo("completed"))
                .body("result.outputs.x", equalTo(42)).extract().path("execution_id");
        assertThat(PgDb.executionStatus(id), equalTo("completed"));
    }

    @Test
    void anOutageLongerThanTheRetriesAnswersAndTheRowEndsOnceTheDatabaseIsBack() throws Exception {
        String id = as(TENANT_A, "executor").body(Map.of("fdl", flow("long-outage", "x = 1"))).post("/api/execute/run")
                .then().statusCode(200).body("status", equalTo("failed"))
                .body("result.error_detail.code", equalTo("STORAGE_ERROR"))
                .extract().path("execution_id");
        runOnce("during-outage"); // the slot is free although nothing could be stored yet
        assertThat(PgDb.executionStatus(id), equalTo("running"));
        try (Connection c = PgDb.connect(); Statement st = c.createStatement()) {
            st.execute("UPDATE test_fault_switch SET enabled = false WHERE name = 'outage'");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(PgDb.executionStatus(id), equalTo("failed")));
    }

    private static void runOnce(String name) {
        as(TENANT_A, "executor").body(Map.of("fdl", flow(name, "x = 1"))).post("/api/execute/run")
                .then().statusCode(200).body("status", equalTo("completed"));
    }

    private static String json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
