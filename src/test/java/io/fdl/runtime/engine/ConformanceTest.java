package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.fdl.FlowDefinitions;
import io.fdl.runtime.fdl.ParseResult;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Runs every case of the FDL conformance suite (conformance/README.md): {@code NAME.yaml} with
 * {@code NAME.json} expectations, on real timers and a real thread pool.
 */
public class ConformanceTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final DefaultScheduler TIMER = new DefaultScheduler();

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
        TIMER.close();
    }

    static Path casesDir() {
        Path shared = Paths.get("").toAbsolutePath().resolve("../shared/conformance/fdl").normalize();
        if (Files.isDirectory(shared)) return shared;
        Path copy = Paths.get("src/test/resources/conformance/fdl");
        assertTrue(Files.isDirectory(copy), "no conformance cases found");
        return copy;
    }

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        return cases(casesDir());
    }

    /** The engine's own cases in the same format (plus expectErrorCode / expectErrorNode). */
    @TestFactory
    Stream<DynamicTest> engineCases() throws IOException {
        return cases(Paths.get("src/test/resources/engine-cases"));
    }

    static Stream<DynamicTest> cases(Path dir) throws IOException {
        List<Path> yamls;
        try (Stream<Path> s = Files.list(dir)) {
            yamls = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(yamls.isEmpty());
        return yamls.stream().map(y -> DynamicTest.dynamicTest(y.getFileName().toString(), () -> runCase(y)));
    }

    static void runCase(Path yaml) throws Exception {
        String name = yaml.getFileName().toString().replace(".yaml", "");
        JsonNode spec = M.readTree(yaml.resolveSibling(name + ".json").toFile());
        ParseResult parsed = FlowDefinitions.parseYaml(Files.readString(yaml));
        assertTrue(parsed.ok(), () -> name + ": flow does not validate: " + parsed.errors());
        CompiledFlow flow = FlowCompiler.compile(parsed.flow());
        FlowEngine engine = new FlowEngine(call -> Uni.createFrom().failure(new ToolException("NOT_FOUND_TOOL", "no tools in conformance runs")),
                TIMER, POOL, EngineLimits.DEFAULT);
        JsonNode ctx = spec.path("context");
        RunRequest req = new RunRequest("conf-" + name, spec.has("inputs") ? spec.get("inputs") : JsonNodeFactory.instance.objectNode(),
                ctx.path("tenantId").asText("tenant-1"), ctx.path("buCode").asText("bu-1"),
                spec.has("mocks") ? spec.get("mocks") : null, null, 0, null);
        boolean expectError = spec.path("expectError").asBoolean(false) || spec.has("expectErrorContains");
        RunOutcome o;
        try {
            o = engine.start(flow, req).outcomeStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InvalidInputsException e) {
            assertTrue(expectError, () -> name + ": rejected unexpectedly: " + e.getMessage());
            if (spec.has("expectErrorContains")) {
                assertTrue((e.code() + " " + e.getMessage()).contains(spec.get("expectErrorContains").asText()), () -> name + ": " + e.getMessage());
            }
            if (spec.has("expectErrorCode")) assertEquals(spec.get("expectErrorCode").asText(), e.code());
            assertFalse(spec.has("expectErrorNode"), name + ": rejected runs have no node");
            return;
        }
        RunOutcome out = o;
        if (expectError) {
            assertEquals(RunStatus.FAILED, o.status(), () -> name + ": expected a failure, got " + out.toJson());
            if (spec.has("expectErrorContains")) {
                String text = o.error().code() + " " + o.error().message();
                assertTrue(text.contains(spec.get("expectErrorContains").asText()), () -> name + ": error was " + text);
            }
            if (spec.has("expectErrorCode")) assertEquals(spec.get("expectErrorCode").asText(), o.error().code(), name);
            if (spec.has("expectErrorNode")) assertEquals(spec.get("expectErrorNode").asText(), o.error().node(), name);
        } else {
            assertEquals(RunStatus.COMPLETED, o.status(), () -> name + ": " + out.toJson());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("expectOutput").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode actual = o.context().get(e.getKey());
            assertNotNull(actual, () -> name + ": context lacks " + e.getKey() + " in " + out.context());
            assertTrue(same(e.getValue(), actual), () -> name + ": " + e.getKey() + " expected " + e.getValue() + " but was " + actual);
        }
        for (JsonNode a : spec.path("expectAbsent")) {
            JsonNode v = o.context().get(a.asText());
            assertTrue(v == null || v.isNull(), () -> name + ": " + a.asText() + " should be absent but is " + v);
        }
        if (spec.has("expectResult")) {
            assertTrue(same(spec.get("expectResult"), o.result()), () -> name + ": result expected " + spec.get("expectResult") + " but was " + out.result());
        }
        if (spec.has("expectCalls") || spec.has("expectCallCounts")) {
            assertNotNull(o.calls(), name + ": mocked run without call records");
        }
        List<CallRecord> unmatched = new ArrayList<>(o.calls() == null ? List.of() : o.calls());
        for (JsonNode c : spec.path("expectCalls")) {
            CallRecord hit = null;
            for (CallRecord r : unmatched) {
                if (r.uri().equals(c.get("uri").asText()) && contains(c.path("args"), r.args())) { hit = r; break; }
            }
            assertNotNull(hit, () -> name + ": no recorded call matches " + c + " among " + out.calls());
            unmatched.remove(hit);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("expectCallCounts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            long n = o.calls().stream().filter(r -> r.uri().equals(e.getKey())).count();
            assertEquals(e.getValue().asLong(), n, () -> name + ": calls of " + e.getKey());
        }
        if (spec.has("minDurationMs")) assertTrue(o.durationMs() >= spec.get("minDurationMs").asLong(), name + ": too fast " + o.durationMs());
        if (spec.has("maxDurationMs")) assertTrue(o.durationMs() <= spec.get("maxDurationMs").asLong(), name + ": too slow " + o.durationMs());
    }

    /** Every key of {@code expected} is in {@code actual} with an equal value. */
    public static boolean contains(JsonNode expected, JsonNode actual) {
        if (expected.isMissingNode() || expected.isNull()) return true;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!same(e.getValue(), actual.get(e.getKey()))) return false;
        }
        return true;
    }

    /** README comparison: null also stands for absent, numbers with 1e-9 tolerance, key order ignored. */
    public static boolean same(JsonNode a, JsonNode b) {
        boolean an = a == null || a.isNull() || a.isMissingNode();
        boolean bn = b == null || b.isNull() || b.isMissingNode();
        if (an || bn) return an && bn;
        if (a.isNumber() && b.isNumber()) return Math.abs(a.doubleValue() - b.doubleValue()) <= 1e-9;
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) if (!same(a.get(i), b.get(i))) return false;
            return true;
        }
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> keys = new java.util.HashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) if (!same(a.get(k), b.get(k))) return false;
            return true;
        }
        return a.equals(b);
    }
}
