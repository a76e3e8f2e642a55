package io.fdl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fdl.runtime.testsupport.LaunchedApp;
import io.fdl.runtime.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The server survives any single request (issue 14), checked on the packaged application started as
 * a process with the documented JVM options: 16 concurrent bombs of each kind while the liveness
 * endpoint, another tenant's normal runs and the process RSS are watched.
 */
class ResourceExhaustionIT {
    private static final String SECRET = "it-secret-0123456789-0123456789-0123456789";
    /** The heap option of the README run command. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx2g", "-XX:+ExitOnOutOfMemoryError");
    /** Heap plus metaspace, code cache, thread stacks and direct buffers. */
    private static final long RSS_BUDGET_KB = 3L << 20;
    private static final int BOMBS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void concurrentBombsLeaveTheServerServing() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("fdl-bombs", ".log");
        // the jar, or the native executable after -Dnative (ExitOnOutOfMemoryError is a JVM-only option)
        List<String> cmd = LaunchedApp.command(LaunchedApp.isNative() ? List.of("-Xmx2g") : JVM_OPTIONS);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FDL_") || k.startsWith("QUARKUS_") || k.equals("DATABASE_URL"));
        pb.environment().putAll(Map.of("FDL_DEV_MODE", "false", "FDL_JWT_SECRET", SECRET, "FDL_HOST", "127.0.0.1",
                "FDL_PORT", Integer.toString(port)));
        Process app = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        try {
            awaitReady(app, http, base, log);
            String attacker = token("bombers", "executor");
            String victim = token("bystanders", "executor");

            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong peakRssKb = new AtomicLong();
            List<Long> liveMs = Collections.synchronizedList(new ArrayList<>());
            List<String> liveFailures = Collections.synchronizedList(new ArrayList<>());
            Thread watcher = new Thread(() -> {
                while (!stop.get()) {
                    peakRssKb.accumulateAndGet(rssKb(app.pid()), Math::max);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/live"))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) liveFailures.add(r.statusCode() + " " + r.body());
                    } catch (IOException | InterruptedException e) {
                        liveFailures.add(e + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                    }
                    liveMs.add((System.nanoTime() - t0) / 1_000_000);
                    sleep(200);
                }
            }, "watcher");
            watcher.start();

            List<String> victimFailures = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger victimRuns = new AtomicInteger();
            Thread bystander = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        JsonNode r = post(http, base + "/api/execute/run", victim,
                                Map.of("fdl", ResourceLimitsApiTest.COUNT_TO, "inputs", Map.of("n", 20))).body();
                        if (!"completed".equals(r.path("status").asText()) || r.path("result").path("outputs").asInt() != 20) {
                            victimFailures.add(r.toString());
                        }
                        victimRuns.incrementAndGet();
                    } catch (Exception e) {
                        victimFailures.add(e.toString());
                    }
                    sleep(100);
                }
            }, "bystander");
            bystander.start();

            Map<String, Object> loop = Map.of("fdl", ResourceLimitsApiTest.LOOP_BOMB);
            Map<String, Object> cpu = Map.of("fdl", ResourceLimitsApiTest.NESTED_EACH, "timeout_ms", 10_000);
            Map<String, Object> gml = Map.of("expr", "'x'.repeat(99999).split('').map(c => c.repeat(1000000)).length()");
            List<CompletableFuture<Answer>> loops = new ArrayList<>(), cpus = new ArrayList<>(), gmls = new ArrayList<>();
            for (int i = 0; i < BOMBS; i++) {
                loops.add(postAsync(http, base + "/api/execute/run", attacker, loop));
                cpus.add(postAsync(http, base + "/api/execute/run", attacker, cpu));
                gmls.add(postAsync(http, base + "/api/gml/evaluate", token("bombers", "viewer"), gml));
            }
            List<CompletableFuture<Answer>> all = new ArrayList<>(loops);
            all.addAll(cpus);
            all.addAll(gmls);
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            sleep(2_000); // the bystander and the watcher keep going a little after the storm
            stop.set(true);
            watcher.join();
            bystander.join();

            for (CompletableFuture<Answer> f : loops) {
                Answer a = f.get();
                assertEquals(200, a.status(), a.body()::toString);
                assertEquals("RUN_LIMIT_EXCEEDED", a.body().path("result").path("error_detail").path("code").asText(), a.body()::toString);
            }
            for (CompletableFuture<Answer> f : cpus) {
                Answer a = f.get();
                assertEquals("EXECUTION_TIMEOUT", a.body().path("result").path("error_detail").path("code").asText(), a.body()::toString);
            }
            for (CompletableFuture<Answer> f : gmls) {
                Answer a = f.get();
                assertEquals(400, a.status(), a.body()::toString);
                assertEquals("GML_ERROR", a.body().path("code").asText());
                assertTrue(a.body().path("error").asText().contains("maxAllocBytes"), a.body()::toString);
            }
            assertEquals(List.of(), liveFailures, "/q/health/live answered every probe");
            assertTrue(victimRuns.get() > 0, "the other tenant ran flows meanwhile");
            assertEquals(List.of(), victimFailures, "every run of the other tenant succeeded");
            assertTrue(peakRssKb.get() < RSS_BUDGET_KB, "peak RSS " + peakRssKb.get() + " kB");
            String out = Files.readString(log);
            assertFalse(out.contains("OutOfMemoryError"), "no OutOfMemoryError");
            assertTrue(app.isAlive());

            System.out.printf("ResourceExhaustionIT: time to reject (ms) loop bomb %s, CPU bomb %s, GML bomb %s; "
                            + "peak RSS %d MiB; liveness max %d ms over %d probes; other tenant %d runs ok%n",
                    stats(loops), stats(cpus), stats(gmls), peakRssKb.get() / 1024,
                    liveMs.stream().mapToLong(Long::longValue).max().orElse(0), liveMs.size(), victimRuns.get());
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) app.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private record Answer(int status, JsonNode body, long millis) {}

    private static String stats(List<CompletableFuture<Answer>> answers) {
        List<Long> ms = answers.stream().map(f -> f.join().millis()).sorted().toList();
        return "min " + ms.get(0) + " / median " + ms.get(ms.size() / 2) + " / max " + ms.get(ms.size() - 1);
    }

    private static CompletableFuture<Answer> postAsync(HttpClient http, String url, String token, Object body) {
        long t0 = System.nanoTime();
        return http.sendAsync(request(url, token, body), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), parse(r.body()), (System.nanoTime() - t0) / 1_000_000));
    }

    private static Answer post(HttpClient http, String url, String token, Object body) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(request(url, token, body), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), parse(r.body()), (System.nanoTime() - t0) / 1_000_000);
    }

    private static HttpRequest request(String url, String token, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(4))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private static String token(String tenant, String role) {
        return TestTokens.sign(TestTokens.claims("it-" + role, tenant, "default", List.of(role), TestTokens.ISSUER,
                Instant.now().getEpochSecond() + 3600), SECRET, "HS256");
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone; its last sample stands
        }
        return 0;
    }

    private static void awaitReady(Process app, HttpClient http, String base, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) fail("exited with " + app.exitValue() + ":\n" + Files.readString(log));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            sleep(250);
        }
        fail("not ready:\n" + Files.readString(log));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
