package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Run inputs (fdl.md §4) and result shaping (§11.2). */
class InputsOutputsTest {
    static final ObjectMapper M = new ObjectMapper();

    static JsonNode json(String s) throws Exception {
        return M.readTree(s.replace('\'', '"'));
    }

    static Flow flow(String args) {
        ParseResult r = FlowDefinitions.parseYaml("flow:\n    name: t\n    args:\n" + args.stripIndent().lines().map(l -> "        " + l)
                .reduce("", (a, b) -> a + b + "\n") + "    node:\n        m:\n            with: 1\n");
        assertEquals(List.of(), r.errors());
        return r.flow();
    }

    static final Flow ORDER = flow("""
            defs:
                Item:
                    sku: string
                    qty: int
                Order:
                    id: string
                    items: Item[]
            in:
                order: Order
                region: string
                note: string?
                pageSize: int = 25
                doubled: pageSize * 2
                label: string = `${tenantId}/${buCode}`
                limit: 50
                flag: bool?
            """);

    @Test
    void defaultsCoercionAndBuiltIns() throws Exception {
        Inputs.Result r = Inputs.prepare(ORDER, json("{'order': {'id': 'o1', 'items': [{'sku': 'a', 'qty': '2', 'x': 1}]},"
                + " 'region': 'eu', 'pageSize': null, 'extra': 1, 'tenantId': 'evil', 'flag': 'TRUE'}"), "t1", "bu9");
        assertEquals(List.of(), r.problems());
        assertEquals(json("{'tenantId': 't1', 'buCode': 'bu9', 'order': {'id': 'o1', 'items': [{'sku': 'a', 'qty': 2}]},"
                + " 'region': 'eu', 'note': null, 'pageSize': 25, 'doubled': 50, 'label': 't1/bu9', 'limit': 50, 'flag': true}").toString(),
                r.values().toString());
    }

    @Test
    void allProblemsAreCollectedWithPaths() throws Exception {
        Inputs.Result r = Inputs.prepare(ORDER, json("{'order': {'id': 'o1', 'items': [{'sku': 'a', 'qty': 1}, {'sku': 'b', 'qty': 1},"
                + " {'sku': 'c', 'qty': 'x'}]}, 'pageSize': 2.5}"), "t", "b");
        assertNull(r.values());
        assertEquals(List.of("order.items[2].qty: expected int, got string 'x'", "region: required input is missing",
                "pageSize: expected int, got decimal 2.5"), r.problems());
        assertEquals("order.items[2].qty: expected int, got string 'x'; region: required input is missing; "
                + "pageSize: expected int, got decimal 2.5", r.message());
    }

    @Test
    void inputsMustBeAnObject() throws Exception {
        assertEquals(List.of("inputs must be a JSON object"), Inputs.prepare(ORDER, json("[1]"), "t", "b").problems());
        assertEquals(List.of("inputs must be a JSON object"), Inputs.prepare(ORDER, TextNode.valueOf("x"), "t", "b").problems());
        // no inputs at all: only the required ones are reported
        assertEquals(List.of("order: required input is missing", "region: required input is missing"),
                Inputs.prepare(ORDER, null, "t", "b").problems());
    }

    @Test
    void failingDefaultIsAProblem() throws Exception {
        Flow f = flow("in:\n    a: int = 1 / 0\n");
        Inputs.Result r = Inputs.prepare(f, json("{}"), "t", "b");
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).startsWith("a: default failed: "), r.problems().get(0));
        assertEquals(json("{'tenantId': 't', 'buCode': 'b', 'a': 7}").toString(), Inputs.prepare(f, json("{'a': '7'}"), "t", "b").values().toString());
    }

    @Test
    void declaredBuiltInsKeepTheCallerValues() throws Exception {
        Flow f = flow("in:\n    tenantId: string\n    buCode: int\n");
        assertEquals(json("{'tenantId': 'real', 'buCode': 'bu'}"), Inputs.prepare(f, json("{'tenantId': 'x', 'buCode': 3}"), "real", "bu").values());
    }

    @Test
    void shapingByOutFields() throws Exception {
        Flow f = flow("out:\n    accountId: string\n    openTotal: double\n    note: string?\n");
        Outputs.Result ok = Outputs.shape(f, json("{'region': 'x', 'openTotal': 12, 'accountId': 7}"));
        assertEquals(List.of(), ok.problems());
        assertEquals("{\"accountId\":\"7\",\"openTotal\":12.0,\"note\":null}", ok.value().toString());
        Outputs.Result bad = Outputs.shape(f, json("{'openTotal': 'lots'}"));
        assertEquals(List.of("accountId: missing, expected string", "openTotal: expected double, got string 'lots'"), bad.problems());
        assertEquals(List.of("result: expected an object, got array"), Outputs.shape(f, json("[]")).problems());
        assertTrue(Outputs.shape(f, null).value().isNull());
        assertTrue(Outputs.shape(f, json("null")).ok());
    }

    @Test
    void shapingByOutType() throws Exception {
        Flow typed = flow("defs:\n    P:\n        id: int\nout: P[]\n");
        assertEquals("[{\"id\":1}]", Outputs.shape(typed, json("[{'id': '1', 'x': 2}]")).value().toString());
        assertEquals(List.of("result[0].id: expected int, got boolean true"), Outputs.shape(typed, json("[{'id': true}]")).problems());
        Flow any = flow("out: any\n");
        assertEquals(json("{'a': [1]}"), Outputs.shape(any, json("{'a': [1]}")).value());
        Flow none = flow("in:\n    a: int\n");
        assertEquals(json("'x'"), Outputs.shape(none, json("'x'")).value());
        Flow str = flow("out: string\n");
        assertEquals(List.of("result: expected string, got object"), Outputs.shape(str, json("{}")).problems());
        assertEquals("5", Outputs.shape(str, json("5")).value().textValue());
    }
}
