package io.fdl.runtime.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fdl.runtime.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.fdl.runtime.api.TestFlows.*;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

/**
 * Many concurrent synchronous runs of an instant flow: every one answers 200 with its own result.
 * (Under load the run used to finish before the waiting request had subscribed to its end, and the
 * request answered 500 with a ClassCastException.)
 */
@QuarkusTest
class ConcurrentSyncRunsTest {
    private static final int RUNS = 4_000;
    private static final int IN_FLIGHT = 48;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyConcurrentSyncRunAnswers200WithItsOwnResult() throws Exception {
        String flowId = flowWith("instant", """
                flow:
                    name: instant
                    args:
                        in:
                            n: int
                    node:
                        echo:
                            with: n = n
                """);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String token = TestTokens.token(TENANT_A, "executor");
        Semaphore window = new Semaphore(IN_FLIGHT);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        AtomicInteger wrongResult = new AtomicInteger();
        for (int i = 0; i < RUNS; i++) {
            window.acquire();
            int n = i;
            HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/execute/" + flowId))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":{\"n\":" + n + "}}")).build();
            all.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((resp, err) -> {
                window.release();
                String key = err != null ? err.getClass().getSimpleName() : String.valueOf(resp.statusCode());
                outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                if (resp != null && resp.statusCode() == 200 && resultOf(resp.body()) != n) wrongResult.incrementAndGet();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(5, TimeUnit.MINUTES);
        assertThat("status codes of " + RUNS + " runs", new TreeMap<>(outcomes).toString(),
                equalTo("{200=" + RUNS + "}"));
        assertThat("answers carrying another run's result", wrongResult.get(), is(0));
    }

    private static int resultOf(String body) {
        try {
            return JSON.readTree(body).at("/result/node_results/echo/n").asInt(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
