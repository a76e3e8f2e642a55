package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.gml.GmlScript.ScriptItem;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** The Java contract used by the FDL validator and the engine: items, free names, errors, limits, clock. */
class GmlApiTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode eval(String src, String varsJson) throws Exception {
        return Gml.compile(src).evaluate(GmlContext.of((ObjectNode) M.readTree(varsJson)));
    }

    private static GmlException error(String src) {
        return assertThrows(GmlException.class, () -> Gml.compile(src).evaluate(GmlContext.EMPTY));
    }

    @Test
    void itemsDescribeEveryTopLevelItem() {
        GmlScript s = Gml.compile("a = 1\n$t = 2, ...x, 'k-1' = 3, b, return a");
        List<ScriptItem> items = s.items();
        assertEquals(List.of(ScriptItem.Kind.ASSIGN, ScriptItem.Kind.TEMP, ScriptItem.Kind.SPREAD, ScriptItem.Kind.ASSIGN,
                ScriptItem.Kind.COMPACT, ScriptItem.Kind.RETURN), items.stream().map(ScriptItem::kind).toList());
        assertEquals("a", items.get(0).name());
        assertEquals("$t", items.get(1).name());
        assertEquals("k-1", items.get(3).name());
        assertEquals(2, items.get(1).line());
        assertEquals(1, items.get(1).column());
        assertEquals(9, items.get(2).column());
        assertFalse(s.isAssignmentsOnly());
        assertTrue(Gml.compile("a = 1, $b = 2").isAssignmentsOnly());
        assertEquals(ScriptItem.Kind.EXPRESSION, Gml.compile("a + 1").items().get(0).kind());
        assertTrue(Gml.compile("# nothing").items().isEmpty());
    }

    @Test
    void freeNamesExcludeLambdaParametersAndEarlierAssignments() {
        GmlScript s = Gml.compile("x = y + 1, z = x + w, m = items.map(i => i.q + k), $t = u, v = $t, o = {s}, p = `${tpl}`");
        assertEquals(Set.of("y", "w", "items", "k", "u", "s", "tpl"), s.freeNames());
        assertEquals(Set.of("n"), Gml.compile("n = n + 1").freeNames());
        assertTrue(Gml.compile("UPPER('x')").freeNames().isEmpty());
    }

    @Test
    void syntaxErrorsCarryPositionAndHumanMessage() {
        GmlException e = assertThrows(GmlException.class, () -> Gml.compile("a = (1 + 2))"));
        assertEquals(GmlException.Kind.SYNTAX, e.kind());
        assertEquals(1, e.line());
        assertEquals(12, e.column());
        assertTrue(e.getMessage().startsWith("unexpected ')' at 1:12"), e.getMessage());

        e = assertThrows(GmlException.class, () -> Gml.compile("x = 1\ny = (2 + )"));
        assertEquals(2, e.line());
        assertEquals(10, e.column());
        assertTrue(e.getMessage().contains("expected an expression"), e.getMessage());

        e = assertThrows(GmlException.class, () -> Gml.compile("a = 'abc"));
        assertTrue(e.getMessage().contains("unterminated string"));
        assertEquals(5, e.column());

        e = assertThrows(GmlException.class, () -> Gml.compile("NOSUCH(1)"));
        assertTrue(e.getMessage().contains("unknown function 'NOSUCH'"));
        e = assertThrows(GmlException.class, () -> Gml.compile("ROUND(1, 2, 3)"));
        assertTrue(e.getMessage().contains("ROUND expects 1 to 2 arguments, got 3"), e.getMessage());
        e = assertThrows(GmlException.class, () -> Gml.compile("SUBSTRING('a', x => x)"));
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
        e = assertThrows(GmlException.class, () -> Gml.compile("1 + 2, x = 3"));
        assertTrue(e.getMessage().contains("last item"), e.getMessage());
        e = assertThrows(GmlException.class, () -> Gml.compile("CASE WHEN a THEN b"));
        assertTrue(e.getMessage().contains("END"), e.getMessage());
    }

    @Test
    void evaluationErrorsNameTheOperationAndTheValueType() {
        GmlException e = error("x = 1\ny = null * 2");
        assertEquals(GmlException.Kind.EVALUATION, e.kind());
        assertEquals(2, e.line());
        assertEquals(10, e.column());
        assertTrue(e.getMessage().contains("'*'") && e.getMessage().contains("null"), e.getMessage());

        e = error("ROUND('x')");
        assertTrue(e.getMessage().startsWith("ROUND: expected a number, got string"), e.getMessage());
        e = error("[1, 2].chunk(0)");
        assertTrue(e.getMessage().startsWith("chunk(): "), e.getMessage());
        e = error("(5).abs()");
        assertTrue(e.getMessage().contains("numbers have no methods"), e.getMessage());
        e = error("[1].nope()");
        assertTrue(e.getMessage().contains("unknown method nope() for array"), e.getMessage());
        e = error("1 / 0");
        assertTrue(e.getMessage().contains("division by zero"));
        assertEquals(3, e.column());
        assertFalse(e.limitExceeded());
    }

    @Test
    void limitsAreEnforcedAndFlagged() {
        GmlLimits tiny = new GmlLimits(50, 5, 10, 100, 10, 20, 5, 3);
        GmlLimits small = new GmlLimits(10_000, 100, 10, 100, 10, 20, 5, 3);
        GmlException e = assertThrows(GmlException.class, () -> Gml.compile("x".repeat(51), tiny));
        assertTrue(e.limitExceeded());
        assertEquals(GmlException.Kind.SYNTAX, e.kind());
        e = assertThrows(GmlException.class, () -> Gml.compile("((((((1))))))", tiny));
        assertTrue(e.limitExceeded() && e.getMessage().contains("maxSyntaxDepth"), e.getMessage());

        e = assertThrows(GmlException.class, () -> Gml.compile("[1,2,3,4,5].map(x => [1,2,3,4,5].map(y => x * y))", small)
                .evaluate(GmlContext.EMPTY));
        assertTrue(e.limitExceeded() && e.getMessage().contains("maxSteps"), e.getMessage());
        e = assertThrows(GmlException.class, () -> Gml.compile("[1].concat([1,2,3,4,5,6,7,8,9,10])", small).evaluate(GmlContext.EMPTY));
        assertTrue(e.limitExceeded() && e.getMessage().contains("maxArrayElements"), e.getMessage());
        e = assertThrows(GmlException.class, () -> Gml.compile("'abcdefghij'.repeat(3)", small).evaluate(GmlContext.EMPTY));
        assertTrue(e.limitExceeded() && e.getMessage().contains("maxStringCodePoints"), e.getMessage());
        e = assertThrows(GmlException.class, () -> Gml.compile("{a=1,b=2,c=3,d=4,e=5,f=6}", small).evaluate(GmlContext.EMPTY));
        assertTrue(e.limitExceeded() && e.getMessage().contains("maxObjectKeys"), e.getMessage());
        e = assertThrows(GmlException.class, () -> Gml.compile("parseJson('[[[[1]]]]')", small).evaluate(GmlContext.EMPTY));
        assertTrue(e.limitExceeded() && e.getMessage().contains("maxJsonDepth"), e.getMessage());

        // default limits: steps
        e = error("[1,2,3,4,5,6,7,8,9,10].map(a => [1,2,3,4,5,6,7,8,9,10].map(b => [1,2,3,4,5,6,7,8,9,10].map(c => "
                + "[1,2,3,4,5,6,7,8,9,10].map(d => [1,2,3,4,5,6,7,8,9,10].map(f => [1,2,3,4,5,6,7,8,9,10].map(g => 1))))))");
        assertTrue(e.limitExceeded(), e.getMessage());
        e = error("'x'.repeat(1048577)");
        assertTrue(e.limitExceeded());
        assertEquals(1048576, Gml.compile("'x'.repeat(1048576).length()").evaluate(GmlContext.EMPTY).asLong());
        e = error("[0].padStart(3)");
        assertFalse(e.limitExceeded());
    }

    @Test
    void evaluationDepthIsBoundedForDeepValues() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 900; i++) sb.append('[');
        for (int i = 0; i < 900; i++) sb.append(']');
        ObjectNode vars = M.createObjectNode();
        vars.set("deep", M.readTree(sb.toString()));
        GmlException e = assertThrows(GmlException.class, () -> Gml.compile("toJson(deep)").evaluate(GmlContext.of(vars)));
        assertTrue(e.limitExceeded());
        assertEquals(1, Gml.compile("deep.flat().length()").evaluate(GmlContext.of(vars)).asInt());
    }

    @Test
    void valuesAtTheBoundaryAreJacksonNodes() throws Exception {
        ObjectNode vars = M.createObjectNode();
        vars.set("i", IntNode.valueOf(5));
        vars.set("l", LongNode.valueOf(7));
        JsonNode r = Gml.compile("i + l").evaluate(GmlContext.of(vars));
        assertTrue(r.isIntegralNumber());
        assertEquals(12, r.asLong());
        assertTrue(Gml.compile("missing").evaluate(GmlContext.EMPTY).isNull());
        assertTrue(Gml.compile("").evaluate(GmlContext.EMPTY).isNull());
        assertTrue(Gml.compile("1.5 * 2").evaluate(GmlContext.EMPTY).isDouble());
        assertTrue(Gml.compile("x").evaluate(GmlContext.of(Map.of())).isNull());
        assertEquals("ok", eval("$.a", "{\"a\": \"ok\"}").asText());
        assertEquals("{\"x\":2,\"y\":1}", eval("x = $.x + 1, y = $.x", "{\"x\": 1}").toString());
    }

    @Test
    void thisShowsPartiallyBuiltLiteralsAndSnapshotsAreStable() throws Exception {
        assertEquals("{\"addr\":{\"city\":\"Lyon\",\"label\":\"Lyon FR\"}}",
                eval("addr = { city = 'Lyon', label = this.addr.city + ' FR' }", "{}").toString());
        assertEquals("{\"a\":{\"x\":1,\"copy\":{\"x\":1}}}", eval("a = { x = 1, copy = this.a }", "{}").toString());
        assertEquals("{\"a\":1,\"s\":{\"a\":1},\"b\":2}", eval("a = 1, s = this, b = 2", "{}").toString());
        assertEquals("{\"o\":{\"n\":{\"k\":1,\"up\":1}}}", eval("o = { n = { k = 1, up = this.o.n.k } }", "{}").toString());
        assertEquals(2, eval("$a = 1, a = 2, this.a * this.$a", "{}").asInt());
    }

    @Test
    void datesUseTheContextClockAndZone() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2025-03-30T00:30:00Z"), ZoneOffset.UTC);
        ObjectNode vars = M.createObjectNode();
        GmlContext paris = new GmlContext() {
            @Override public JsonNode get(String name) { return vars.get(name); }
            @Override public ObjectNode root() { return vars; }
            @Override public Clock clock() { return clock; }
            @Override public ZoneId zone() { return ZoneId.of("Europe/Paris"); }
        };
        assertEquals("2025-03-30T01:30:00.000+01:00", Gml.compile("DATE()").evaluate(paris).asText());
        // DST starts at 02:00 local: one day later is the same wall-clock time with the summer offset
        assertEquals("2025-03-31T01:30:00.000+02:00", Gml.compile("DATE('1d')").evaluate(paris).asText());
        assertEquals("2025-03-30T03:30:00.000+02:00", Gml.compile("DATE('+1h')").evaluate(paris).asText());
        assertEquals("2025-03-30T00:30:00.000Z", Gml.compile("NOW()").evaluate(paris).asText());
        assertEquals("2025-03-29T23:30:00.000Z", Gml.compile("NOW('-1h')").evaluate(paris).asText());
        assertEquals("2024-12-30T00:30:00.000Z", Gml.compile("NOW('-3M')").evaluate(paris).asText());
        assertEquals(clock.millis(), Gml.compile("timestamp()").evaluate(paris).asLong());
        assertEquals("2024-11-05T00:00:00.000+01:00", Gml.compile("DATE('2024-11-05')").evaluate(paris).asText());
        assertEquals("2024-07-05T10:00:00.000+02:00", Gml.compile("'2024-07-05 10:00'.offset('0')").evaluate(paris).asText());
        assertTrue(Gml.compile("uuid() != uuid()").evaluate(paris).asBoolean());
    }

    @Test
    void compiledScriptsAreSafeToShareBetweenThreads() throws Exception {
        GmlScript s = Gml.compile("$n = items.filter(i => i > k).map(i => i * 2), total = $n.sum(), self = this.total");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int k = t;
                futures.add(pool.submit(() -> {
                    String last = null;
                    for (int i = 0; i < 200; i++) last = eval("", "{}") == null ? null
                            : s.evaluate(GmlContext.of((ObjectNode) M.readTree("{\"items\":[1,2,3,4,5,6,7,8],\"k\":" + k + "}"))).toString();
                    return last;
                }));
            }
            for (int t = 0; t < 8; t++) {
                int sum = 0;
                for (int i = t + 1; i <= 8; i++) sum += 2 * i;
                assertEquals("{\"total\":" + sum + ",\"self\":" + sum + "}", futures.get(t).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
