package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fdl.runtime.gml.GmlContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exec URI parsing (fdl.md §9.1) and interpolation into the call key (§9.2). */
class ExecUriTest {

    static ExecUri uri(String text) {
        ParseResult r = FlowDefinitions.parseYaml("flow:\n    name: t\n    node:\n        t:\n            exec: " + text + "\n");
        assertEquals(java.util.List.of(), r.errors());
        return ((Node.ToolCall) r.flow().block().node("t")).exec();
    }

    @Test
    void partsAndOptions() {
        ExecUri u = uri("api://crm/customers/{id}/orders?method=get&timeout=4000&max-attempts=3");
        assertEquals(ExecUri.ToolType.API, u.type());
        assertEquals("crm", u.service().text());
        assertEquals("customers/{id}/orders", u.path().text());
        assertEquals("GET", u.method());
        assertEquals(4000L, u.timeoutMs());
        assertEquals(3, u.maxAttempts());
        assertEquals("api://crm/customers/{id}/orders", u.staticCallKey());
        assertTrue(u.path().parts().stream().anyMatch(p -> p instanceof ExecUri.Part.Placeholder ph && ph.name().equals("id")));

        ExecUri db = uri("db://platform.es.logs/list");
        assertEquals("platform.es.logs", db.service().text());
        assertEquals("list", db.path().text());
        assertNull(db.timeoutMs());
        assertEquals(1, db.maxAttempts());
        assertNull(db.method());

        ExecUri flow = uri("flow://order%20sync?timeout=60000");
        assertEquals("flow://order%20sync", flow.staticCallKey());
        assertTrue(flow.path().isEmpty());
    }

    @Test
    void interpolationPercentEncodesTextForms() {
        ExecUri u = uri("api://crm-${region}/customers/${id}/x${n}/${d}?timeout=900");
        Map<String, com.fasterxml.jackson.databind.JsonNode> vars = Map.of("region", TextNode.valueOf("eu"), "id", TextNode.valueOf("C 7/é"),
                "n", LongNode.valueOf(42), "d", DoubleNode.valueOf(2.50));
        ExecUri.Interpolated i = u.interpolate(s -> s.compiled().evaluate(GmlContext.of(vars)));
        assertEquals("crm-eu", i.service());
        assertEquals("customers/C%207%2F%C3%A9/x42/2.5", i.path());
        assertEquals("api://crm-eu/customers/C%207%2F%C3%A9/x42/2.5", i.callKey());
        assertTrue(u.hasInterpolation());
    }

    @Test
    void nullArrayAndObjectValuesAreErrors() {
        ExecUri u = uri("api://crm/c/${v}");
        for (var bad : java.util.List.of(NullNode.instance, JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode())) {
            ExecUri.InterpolationException e = assertThrows(ExecUri.InterpolationException.class,
                    () -> u.interpolate(s -> s.compiled().evaluate(GmlContext.of(Map.of("v", bad)))));
            assertEquals("v", e.expression().source());
        }
        // an unknown name reads as null
        assertThrows(ExecUri.InterpolationException.class, () -> u.interpolate(s -> s.compiled().evaluate(GmlContext.EMPTY)));
    }

    @Test
    void interpolationExpressionsMayContainBracesAndQuestionMarks() {
        ExecUri u = uri("api://crm/c/${ {a = 'x?}'}.a }?timeout=5");
        assertEquals("api://crm/c/x%3F%7D", u.interpolate(s -> s.compiled().evaluate(GmlContext.EMPTY)).callKey());
        assertEquals(5L, u.timeoutMs());
    }

    @Test
    void scriptPositionsPointIntoTheDocument() {
        ExecUri u = uri("api://crm/c/${id}");
        ExecUri.Part.Interp p = (ExecUri.Part.Interp) u.path().parts().get(1);
        assertEquals(new SourcePos(5, 33), p.expression().pos());
    }
}
