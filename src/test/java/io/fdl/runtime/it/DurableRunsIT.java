package io.fdl.runtime.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fdl.runtime.testsupport.LaunchedApp;
import io.fdl.runtime.testsupport.PostgresProfile;
import io.fdl.runtime.testsupport.TestTokens;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

/**
 * Durable runs (issue 12) with real processes: two packaged replicas share one PostgreSQL database
 * (its own, recreated for this suite) and call a local counting HTTP server as their tool. A replica
 * is killed with SIGKILL mid-flight; the other takes its runs over when the lease expires and
 * finishes them from their checkpoints.
 */
class DurableRunsIT {
    private static final String DB = PostgresProfile.DB + "_durable";
    private static final String SECRET = TestTokens.DEV_SECRET;
    private static final int LEASE_SECONDS = 3;
    private static final String TENANT = "durable-" + Long.toHexString(System.nanoTime());

    /** One call, a wait, an each loop of calls, a last call: every kind of step a resumed run replays. */
    static final String FLOW = """
            flow:
                name: durable
                args:
                    in:
                        n: int
                node:
                    first:
                        exec: api://steps/first/${n}
                        next: pause
                    pause:
                        wait: 9s
                        next: list
                    list:
                        with: "[1, 2, 3]"
                        next: items
                    items:
                        each: list => it
                        vars: total = 0
                        node:
                            get:
                                exec: api://steps/item/${it}
                                sets: total = total + get.v
                        with: total
                        next: last
                    last:
                        exec: api://steps/last/${n}
                        next: done
                    done:
                        with: n = n, first = first.v, items = items, last = last.v
            """;

    /** Three calls in a chain; the third fails until the server is "fixed". */
    static final String CHAIN = """
            flow:
                name: redrive
                node:
                    s1:
                        exec: api://steps/r1
                        next: s2
                    s2:
                        exec: api://steps/r2
                        next: s3
                    s3:
                        exec: api://steps/broken/r3
                        next: done
                    done:
                        with: sum = s1.v + s2.v + s3.v
            """;

    static final String WAIT_LONG = """
            flow:
                name: long wait
                node:
                    pause:
                        wait: 60s
                        next: done
                    done:
                        with: "'late'"
            """;

    static HttpServer tool;
    /** requests per Idempotency-Key (one key per run and call) */
    static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    static final AtomicBoolean fixed = new AtomicBoolean();
    static LaunchedApp a;
    static LaunchedApp b;

    @BeforeAll
    static void start() throws Exception {
        recreateDatabase();
        tool = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tool.setExecutor(Executors.newFixedThreadPool(8));
        tool.createContext("/", DurableRunsIT::answer);
        tool.start();
        a = LaunchedApp.start(env("replica-a"));
        b = LaunchedApp.start(env("replica-b"));
        as(a, "admin").body(Map.of("name", "steps", "base_url", "http://127.0.0.1:" + tool.getAddress().getPort()))
                .post("/api/tools/services").then().statusCode(201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) a.close();
        if (b != null) b.close();
        if (tool != null) tool.stop(0);
    }

    static Map<String, String> env(String replica) {
        Map<String, String> env = new HashMap<>();
        env.put("FDL_USE_DATABASE", "true");
        env.put("DATABASE_URL", "postgres://fdl:fdl@127.0.0.1:5432/" + DB + "?sslmode=disable");
        env.put("FDL_DB_POOL_SIZE", "4");
        env.put("FDL_JWT_SECRET", SECRET);
        env.put("FDL_REPLICA_ID", replica);
        env.put("FDL_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
        env.put("FDL_HEARTBEAT_MS", "300");
        env.put("FDL_CLAIM_INTERVAL_MS", "300");
        env.put("FDL_SHUTDOWN_GRACE_SECONDS", "2");
        env.put("FDL_PARK_AFTER_SECONDS", "10");
        return env;
    }

    /** {"v": <number in the path>} for /steps/...; /broken/ answers 400 until {@link #fixed}. */
    static void answer(HttpExchange ex) throws IOException {
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null) calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        String path = ex.getRequestURI().getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\D", "");
        int status = path.contains("/broken/") && !fixed.get() ? 400 : 200;
        byte[] body = (status == 200 ? "{\"v\":" + (last.isEmpty() ? 0 : last) + "}" : "{\"error\":\"broken\"}")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    /** One number from the suite's database (the test's own look at what is stored, not through the app). */
    static long count(String sql) throws Exception {
        return onDatabase(DB, pool -> pool.query(sql).execute().map(rows -> rows.iterator().next().getLong(0)));
    }

    static void recreateDatabase() throws Exception {
        onDatabase(PostgresProfile.DB, pool -> pool.query("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)").execute()
                .compose(x -> pool.query("CREATE DATABASE " + DB).execute()));
    }

    /** Runs {@code work} on a one-connection pool to {@code database} as the test role, and waits for it. */
    static <T> T onDatabase(String database, java.util.function.Function<io.vertx.sqlclient.Pool, io.vertx.core.Future<T>> work)
            throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            var pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(new PgConnectOptions()
                    .setHost("127.0.0.1").setPort(5432).setUser("fdl").setPassword("fdl").setDatabase(database))
                    .using(vertx).build();
            try {
                return work.apply(pool).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } finally {
                pool.close();
            }
        } finally {
            vertx.close();
        }
    }

    static String token(String... roles) {
        return TestTokens.sign(TestTokens.claims("it-user", TENANT, "default", List.of(roles), TestTokens.ISSUER,
                Instant.now().getEpochSecond() + 3600), SECRET, "HS256");
    }

    static RequestSpecification as(LaunchedApp app, String... roles) {
        return app.as(token(roles));
    }

    static String flow(String fdl) {
        String id = as(a, "editor").body(Map.of("name", "durable " + UUID8())).post("/api/flows").then().statusCode(201)
                .extract().path("id");
        as(a, "editor").body(Map.of("fdl", fdl)).post("/api/flows/" + id + "/versions").then().statusCode(201);
        return id;
    }

    static String UUID8() {
        return java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    static int count(String executionId, String node) {
        AtomicInteger n = calls.get(executionId + ":" + node);
        return n == null ? 0 : n.get();
    }

    @Test
    void runsOfAKilledReplicaFinishOnTheOtherWithEachCompletedStepCalledOnce() throws Exception {
        String flowId = flow(FLOW);
        int runs = 50;
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            ids.add(as(a, "executor").body(Map.of("async_mode", true, "inputs", Map.of("n", i)))
                    .post("/api/execute/" + flowId).then().statusCode(202).extract().path("execution_id"));
        }
        // every run has checkpointed its first call and is waiting: B reads only what is stored
        String idList = String.join("','", ids);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> count(
                "SELECT count(DISTINCT execution_id) FROM execution_events WHERE event_type = 'waiting'"
                        + " AND execution_id IN ('" + idList + "')") == runs);
        assertThat("every run still waits on A when it dies", owned(a), greaterThanOrEqualTo(runs));
        Instant killed = Instant.now();
        a.kill(); // SIGKILL: no shutdown hook, no last write
        try {
            // B takes them over once A's lease (3 s) expired: first claim and last claim after the kill
            Instant first = null;
            while (owned(b) < runs && Duration.between(killed, Instant.now()).toSeconds() < LEASE_SECONDS + 10) {
                if (first == null && owned(b) > 0) first = Instant.now();
                Thread.sleep(50);
            }
            Instant all = Instant.now();
            System.out.printf("[durable] takeover after kill -9: first run claimed after %d ms, all %d after %d ms (lease %d s)%n",
                    Duration.between(killed, first == null ? all : first).toMillis(), runs, Duration.between(killed, all).toMillis(), LEASE_SECONDS);
            checkTakeover(ids, runs, killed);
        } finally {
            a = LaunchedApp.start(env("replica-a")); // the other tests use both replicas again
        }
    }

    private void checkTakeover(List<String> ids, int runs, Instant killed) {

        List<Duration> takeover = new ArrayList<>();
        await().atMost(Duration.ofSeconds(LEASE_SECONDS + 10 + 10)).pollInterval(Duration.ofMillis(200)).until(() ->
                ids.stream().allMatch(id -> "completed".equals(as(b, "viewer").get("/api/execute/status/" + id).then()
                        .extract().path("status"))));
        takeover.add(Duration.between(killed, Instant.now()));
        for (int i = 1; i <= runs; i++) {
            String id = ids.get(i - 1);
            as(b, "viewer").get("/api/execute/status/" + id).then().statusCode(200)
                    .body("result.outputs.n", is(i)).body("result.outputs.first", is(i))
                    .body("result.outputs.items", is(6)).body("result.outputs.last", is(i));
            // checkpointed before the kill: never called again; after the takeover: called once
            assertThat("first call of run " + i, count(id, "first"), is(1));
            assertThat(count(id, "items[0]/get"), is(1));
            assertThat(count(id, "items[2]/get"), is(1));
            assertThat(count(id, "last"), is(1));
            List<Map<String, Object>> events = as(b, "viewer").get("/api/execute/" + id + "/events").then()
                    .statusCode(200).extract().path("events");
            Set<String> identities = new HashSet<>();
            for (int k = 0; k < events.size(); k++) {
                Map<String, Object> e = events.get(k);
                assertThat("seq without gap in run " + i, ((Number) e.get("seq")).intValue(), is(k + 1));
                Object data = e.get("data");
                Object iterations = data instanceof Map<?, ?> m ? m.get("iterations") : null;
                Object progress = data instanceof Map<?, ?> m ? m.get("completed_nodes") : null;
                String identity = e.get("event_type") + "|" + e.get("node_id") + "|" + iterations + "|" + progress;
                assertThat("no duplicate event in run " + i, identities.add(identity), is(true));
            }
            assertThat(events.get(0).get("event_type"), is("started"));
            assertThat(events.get(events.size() - 1).get("event_type"), is("completed"));
        }
        String metrics = b.given().get("/q/metrics").then().statusCode(200).extract().asString();
        double resumed = metrics.lines().filter(l -> l.startsWith("fdl_runs_resumed_total{source=\"takeover\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat("B resumed the runs itself", resumed, greaterThanOrEqualTo((double) runs));
        System.out.printf("[durable] %d runs taken over after kill -9: all completed %d ms after the kill (lease %d s)%n",
                runs, takeover.get(0).toMillis(), LEASE_SECONDS);
    }

    /**
     * Durable waits: async runs that wait longer than FDL_PARK_AFTER_SECONDS leave both replicas (a row
     * each, no slot, no memory) and are woken by whichever replica claims them — not before their time.
     */
    @Test
    void longWaitsAreParkedInTheDatabaseAndWokenOnTime() {
        String flowId = flow(WAIT_LONG.replace("60s", "15s"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(as(a, "executor").body(Map.of("async_mode", true)).post("/api/execute/" + flowId).then()
                    .statusCode(202).extract().path("execution_id"));
        }
        await().atMost(Duration.ofSeconds(12)).until(() -> owned(a) == 0 && owned(b) == 0);
        for (String id : ids) as(b, "viewer").get("/api/execute/status/" + id).then().body("status", is("waiting"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> ids.stream().allMatch(id ->
                "completed".equals(as(b, "viewer").get("/api/execute/status/" + id).then().extract().path("status"))));
        for (String id : ids) {
            List<Map<String, Object>> events = as(a, "viewer").get("/api/execute/" + id + "/events").then().extract().path("events");
            Instant started = instant(events.get(0).get("timestamp"));
            Instant done = instant(events.get(events.size() - 1).get("timestamp"));
            assertThat("woken no earlier than its wait", Duration.between(started, done).toMillis(), greaterThanOrEqualTo(15_000L));
            for (int k = 0; k < events.size(); k++) assertThat(((Number) events.get(k).get("seq")).intValue(), is(k + 1));
        }
    }

    static Instant instant(Object json) {
        if (json instanceof Number n) return Instant.ofEpochMilli((long) (n.doubleValue() * 1000));
        return Instant.parse(json.toString());
    }

    static int owned(LaunchedApp app) {
        return app.given().get("/api/health/detailed").then().extract().<Integer>path("replica.owned_runs");
    }

    /** A WebSocket client on B follows a run executing on A, through A's death and the takeover, gap-free. */
    @Test
    void aWebSocketClientOnOneReplicaFollowsARunOnTheOtherThroughItsDeath() throws Exception {
        String flowId = flow(FLOW);
        String id = as(a, "executor").body(Map.of("async_mode", true, "inputs", Map.of("n", 7)))
                .post("/api/execute/" + flowId).then().statusCode(202).extract().path("execution_id");
        List<com.fasterxml.jackson.databind.JsonNode> all;
        try (JdkWsClient c = JdkWsClient.connect(b.port(), null, token("viewer"))) {
            var r = c.call("subscribe", JdkWsClient.params().put("execution_id", id));
            assertThat(r.toString(), r.path("result").path("subscribed").asBoolean(), is(true));
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                List<String> types = as(b, "viewer").get("/api/execute/" + id + "/events").then().extract().path("events.event_type");
                return types.contains("waiting");
            });
            a.kill();
            try {
                all = c.eventsUntilTerminal(id, Duration.ofSeconds(LEASE_SECONDS + 20));
            } finally {
                a = LaunchedApp.start(env("replica-a"));
            }
        }
        for (int i = 0; i < all.size(); i++) assertThat(all.toString(), all.get(i).path("seq").asInt(), is(i + 1));
        assertThat(all.get(0).path("event_type").asText(), is("started"));
        assertThat(all.get(all.size() - 1).path("event_type").asText(), is("completed"));
        assertThat(all.get(all.size() - 1).path("data").path("outputs").path("items").asInt(), is(6));
        assertThat(count(id, "first"), is(1));
    }

    @Test
    void aCancelOnOneReplicaStopsTheRunOnTheOther() {
        String flowId = flow(WAIT_LONG);
        String id = as(a, "executor").body(Map.of("async_mode", true)).post("/api/execute/" + flowId).then()
                .statusCode(202).extract().path("execution_id");
        await().atMost(Duration.ofSeconds(10)).until(() -> "waiting".equals(as(a, "viewer")
                .get("/api/execute/status/" + id).then().extract().path("status")));
        as(b, "executor").post("/api/execute/cancel/" + id).then().statusCode(200).body("status", is("cancelled"));
        // A learns it at its next lease renewal (300 ms here) and drops the run
        await().atMost(Duration.ofSeconds(3)).until(() -> a.given().get("/api/health/detailed").then()
                .extract().<Integer>path("replica.owned_runs") == 0);
        as(a, "viewer").get("/api/execute/status/" + id).then().body("status", is("cancelled"));
        as(a, "executor").post("/api/execute/cancel/" + id).then().statusCode(409);
    }

    @Test
    void aRedriveReusesTheStepsThatSucceeded() {
        String flowId = flow(CHAIN);
        fixed.set(false);
        String failed = as(a, "executor").post("/api/execute/" + flowId).then().statusCode(200)
                .body("status", is("failed")).extract().path("execution_id");
        assertThat(count(failed, "s1"), is(1));
        assertThat(count(failed, "s2"), is(1));
        as(b, "executor").post("/api/execute/" + java.util.UUID.randomUUID() + "/retry").then().statusCode(404);
        fixed.set(true);
        String retried = as(b, "executor").post("/api/execute/" + failed + "/retry").then().statusCode(200)
                .header("X-Retry-Of", failed).body("status", is("completed"))
                .body("result.outputs.sum", is(6)).extract().path("execution_id");
        assertThat(retried, not(failed));
        assertThat("steps 1-2 are not called again", count(retried, "s1") + count(retried, "s2"), is(0));
        assertThat(count(retried, "s3"), is(1));
        // only a failed or cancelled execution can be retried
        as(b, "executor").post("/api/execute/" + retried + "/retry").then().statusCode(409)
                .body("code", is("EXECUTION_NOT_RETRYABLE"));
        // another tenant cannot see it
        b.as(TestTokens.sign(TestTokens.claims("x", "other-" + UUID8(), "default", List.of("admin"), TestTokens.ISSUER,
                Instant.now().getEpochSecond() + 3600), SECRET, "HS256")).post("/api/execute/" + failed + "/retry")
                .then().statusCode(404);
    }

    @Test
    void sigtermReleasesRunsForTheOtherReplica() throws Exception {
        String flowId = flow(WAIT_LONG.replace("60s", "4s"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(as(b, "executor").body(Map.of("async_mode", true)).post("/api/execute/" + flowId).then()
                    .statusCode(202).extract().path("execution_id"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id -> "waiting".equals(
                as(a, "viewer").get("/api/execute/status/" + id).then().extract().path("status"))));
        b.stop(); // SIGTERM: grace 2 s, then the leases are released, not left to expire
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> ids.stream().allMatch(id ->
                "completed".equals(as(a, "viewer").get("/api/execute/status/" + id).then().extract().path("status"))));
            for (String id : ids) {
                as(a, "viewer").get("/api/execute/status/" + id).then().body("result.outputs", is("late"));
            }
        } finally {
            b = LaunchedApp.start(env("replica-b"));
        }
    }
}
