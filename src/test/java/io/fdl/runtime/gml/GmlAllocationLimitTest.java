package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** One evaluation cannot allocate gigabytes out of values that each respect the size limits (issue 14). */
class GmlAllocationLimitTest {

    private static JsonNode eval(String expr) {
        return Gml.compile(expr).evaluate(GmlContext.EMPTY);
    }

    private static GmlException limit(String expr) {
        GmlException e = assertThrows(GmlException.class, () -> eval(expr));
        assertTrue(e.limitExceeded(), e::getMessage);
        assertEquals(GmlException.Kind.EVALUATION, e.kind());
        return e;
    }

    @Test
    void theIssueBombStopsOnTheAllocationBudget() {
        GmlException e = limit("'x'.repeat(99999).split('').map(c => c.repeat(1000000)).length()");
        assertTrue(e.getMessage().contains("maxAllocBytes"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(GmlLimits.DEFAULT_MAX_ALLOC_BYTES)), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void everyBuilderIsCharged() {
        String big = "'x'.repeat(100000).split('')"; // 100 000 one-character strings
        for (String expr : new String[] {
                "'x'.repeat(1000).split('').map(i => " + big + ").length()",             // arrays built by a method
                "'x'.repeat(1000).split('').map(i => [..." + big + "]).length()",         // array literals
                "'x'.repeat(100).split('').map(i => 'y'.repeat(1000000) + i).length()",   // concatenation
                "'x'.repeat(100).split('').map(i => `${'y'.repeat(1000000)}!`).length()", // templates
                "'x'.repeat(100).split('').map(i => 'y'.padStart(1000000, 'z')).length()",
                "'x'.repeat(50).split('').map(i => parseJson(toJson(" + big + "))).length()",
        }) {
            GmlException e = limit(expr);
            assertTrue(e.getMessage().contains("maxAllocBytes"), () -> expr + ": " + e.getMessage());
        }
    }

    @Test
    void rearrangingBigValuesCostsOnlyReferences() {
        // 100 000 objects sorted, filtered, sliced and reversed several times stay far under the budget
        JsonNode n = Gml.compile("$a = xs.reverse(), $a.filter(o => o.id % 2 == 0).slice(0).reverse().length() + $a.reverse().length()")
                .evaluate(GmlContext.of(java.util.Map.of("xs", eval("'x'.repeat(100000).split('').map((c, i) => {id: i, name: c})"))));
        assertEquals(150_000, n.asLong());
        assertEquals(1_000_000, eval("'y'.repeat(1000000).length()").asLong());
    }

    @Test
    void aLowerBudgetIsHonoured() {
        GmlLimits tiny = new GmlLimits(65_536, 100, 200, 1_000_000, 100_000, 1_048_576, 10_000, 100, 10_000);
        GmlException e = assertThrows(GmlException.class, () -> Gml.compile("'a'.repeat(6000)", tiny).evaluate(GmlContext.EMPTY));
        assertTrue(e.getMessage().contains("limit of 10000 bytes (maxAllocBytes)"), e.getMessage());
        assertEquals("aaaa", Gml.compile("'a'.repeat(4)", tiny).evaluate(GmlContext.EMPTY).asText());
    }

    @Test
    void distinctOfManyObjectsIsExactAndHashed() {
        JsonNode n = eval("'x'.repeat(99999).split('').map((c, i) => {id: i % 50000, tag: c}).distinct().length()");
        assertEquals(50_000, n.asLong());
        JsonNode all = eval("'x'.repeat(99999).split('').map((c, i) => {id: i, v: [i, 'k' + i]}).distinct().length()");
        assertEquals(99_999, all.asLong());
        // §2.4 equality: numbers by value across kinds, key order ignored, tolerance for decimals
        assertEquals("[{\"a\":1,\"b\":[2.0]},3]", eval("[{a: 1, b: [2.0]}, {b: [2], a: 1.0}, 3, 3.0, 3.0000000000001].distinct()").toString());
    }
}
