package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's JSON graph (editor-json.md): conversion, diagnostics and round trips. */
class EditorJsonTest {
    static final ObjectMapper M = new ObjectMapper();

    static JsonNode json(String s) throws Exception {
        return M.readTree(s.replace('\'', '"'));
    }

    static final String GRAPH = """
            {'meta': {'name': 'editor flow', 'description': 'from the editor'},
             'args': {'inputs': [{'name': 'customerId', 'type': 'string', 'nullable': false, 'isArray': false, 'defaultValue': null}],
                      'outputs': [{'name': 'total', 'type': 'double'}],
                      'entryNodeIds': ['fetch']},
             'vars': 'seen = 0',
             'nodes': [
               {'id': 'start', 'type': 'start', 'position': {'x': 0, 'y': 0},
                'data': {'nodeType': 'start', 'parameters': [{'name': 'limit', 'type': 'number', 'required': false, 'defaultValue': '10'}]}},
               {'id': 'fetch', 'type': 'exec', 'position': {'x': 100, 'y': 0}, 'selected': true,
                'data': {'nodeType': 'exec', 'label': 'fetch customer', 'exec': 'api://crm/customers/{id}?method=GET',
                         'args': 'id = customerId', 'sets': 'seen = seen + 1', 'fail': 'oops', 'executionStatus': 'idle'}},
               {'id': 'check', 'type': 'condition', 'data': {'nodeType': 'condition', 'when': 'fetch.vip'}},
               {'id': 'route', 'type': 'switch', 'data': {'nodeType': 'switch', 'cases': [{'when': 'fetch.tier == 1'}, {'when': 'true', 'then': 'b'}]}},
               {'id': 'a', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': 'total = 1'}},
               {'id': 'b', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': 'total = 2'}},
               {'id': 'pause', 'type': 'delay', 'data': {'nodeType': 'delay', 'wait': 1500}},
               {'id': 'oops', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': 'total = 0'}},
               {'id': 'items', 'type': 'each', 'data': {'nodeType': 'each', 'each': '[1, 2] => it, i', 'vars': 'acc = 0', 'outputWith': 'acc',
                 'subFlowNodes': [{'id': 'add', 'data': {'nodeType': 'mapping', 'with': 'it', 'sets': 'acc = acc + it'}},
                                  {'id': 'log', 'data': {'nodeType': 'mapping', 'with': 'acc'}}],
                 'subFlowEdges': [{'id': 's1', 'source': 'add', 'target': 'log'}]}}
             ],
             'edges': [
               {'id': 'e0', 'source': 'start', 'target': 'fetch'},
               {'id': 'e1', 'source': 'fetch', 'target': 'check', 'data': {'edgeType': 'next'}},
               {'id': 'e2', 'source': 'check', 'target': 'route', 'data': {'edgeType': 'then'}},
               {'id': 'e3', 'source': 'check', 'target': 'pause', 'data': {'edgeType': 'else'}},
               {'id': 'e4', 'source': 'route', 'target': 'a', 'data': {'edgeType': 'then', 'caseIndex': 0}},
               {'id': 'e5', 'source': 'route', 'target': 'pause', 'data': {'edgeType': 'else'}},
               {'id': 'e6', 'source': 'fetch', 'target': 'oops', 'data': {'edgeType': 'fail'}}
             ]}
            """;

    @Test
    void convertsEveryNodeTypeIntoTheModel() throws Exception {
        ParseResult r = FlowDefinitions.fromEditorJson(json(GRAPH));
        assertEquals(List.of(), r.errors());
        Flow f = r.flow();
        assertEquals("editor flow", f.name());
        assertEquals("from the editor", f.desp());
        assertEquals(List.of("customerId", "limit"), f.args().in().stream().map(InputDecl::name).toList());
        assertEquals("double?", f.args().in().get(1).type().text());
        assertEquals("10", f.args().in().get(1).defaultValue().source());
        assertTrue(f.args().out() instanceof OutSpec.Fields);
        assertEquals(List.of("seen"), f.varNames());
        Node.ToolCall fetch = (Node.ToolCall) f.block().node("fetch");
        assertEquals("fetch customer", fetch.name());
        assertEquals(List.of("check"), fetch.next());
        assertEquals(List.of("oops"), fetch.fail()); // data.fail and the fail edge merge
        Node.Condition check = (Node.Condition) f.block().node("check");
        assertEquals(List.of("route"), check.then());
        assertEquals(List.of("pause"), check.elseTargets());
        Node.Case route = (Node.Case) f.block().node("route");
        assertEquals(List.of("a"), route.entries().get(0).then());
        assertEquals(List.of("b"), route.entries().get(1).then());
        assertEquals(List.of("pause"), route.elseTargets());
        assertEquals(1500, ((Node.Wait) f.block().node("pause")).durationMs());
        Node.Each each = (Node.Each) f.block().node("items");
        assertEquals("acc", each.with().source());
        assertEquals(List.of("log"), each.body().node("add").next());
        assertEquals(List.of("fetch", "items"), f.block().startNodes().stream().map(Node::id).toList());
    }

    @Test
    void diagnosticsPointToTheNodeAndFieldText() throws Exception {
        JsonNode g = json("""
                {'meta': {'name': 'bad'},
                 'nodes': [
                   {'id': 'ok', 'data': {'nodeType': 'mapping', 'with': 'x = 1'}},
                   {'id': 'broken', 'data': {'nodeType': 'mapping', 'with': 'a = 1\\nb = (2 +'}},
                   {'id': 'robot', 'data': {'nodeType': 'agent'}},
                   {'id': 'call', 'data': {'nodeType': 'exec', 'exec': 'api://crm/x?timeout=0'}},
                   {'id': 'loop', 'data': {'nodeType': 'loop', 'vars': 'i = 0', 'when': 'i < 3',
                     'subFlowNodes': [{'id': 'inner', 'data': {'nodeType': 'mapping', 'with': '1 +'}}]}}
                 ],
                 'edges': [{'id': 'e1', 'source': 'ok', 'target': 'ghost'}]}
                """);
        ParseResult r = FlowDefinitions.fromEditorJson(g);
        assertNull(r.flow());
        Diagnostic gml = r.diagnostics().stream().filter(d -> "broken".equals(d.node())).findFirst().orElseThrow();
        assertEquals("GML_SYNTAX", gml.code());
        assertEquals("nodes[1].data.with", gml.path());
        assertEquals(2, gml.line()); // inside the field's own text
        Diagnostic kind = r.diagnostics().stream().filter(d -> "robot".equals(d.node())).findFirst().orElseThrow();
        assertEquals("KIND_UNSUPPORTED", kind.code());
        Diagnostic uri = r.diagnostics().stream().filter(d -> "call".equals(d.node())).findFirst().orElseThrow();
        assertEquals("EXEC_URI", uri.code());
        assertEquals("nodes[3].data.exec", uri.path());
        assertEquals("1:13", uri.line() + ":" + uri.column());
        Diagnostic inner = r.diagnostics().stream().filter(d -> "inner".equals(d.node())).findFirst().orElseThrow();
        assertEquals("nodes[4].data.subFlowNodes[0].data.with", inner.path());
        Diagnostic jump = r.diagnostics().stream().filter(d -> d.code().equals("JUMP_UNKNOWN")).findFirst().orElseThrow();
        assertEquals("edges[0]", jump.path());
        assertEquals("ok", jump.node());
    }

    @Test
    void missingPiecesAreReported() throws Exception {
        ParseResult r = FlowDefinitions.fromEditorJson(json("{'nodes': [{'id': 'c', 'data': {'nodeType': 'condition', 'when': 'true'}},"
                + "{'id': 'x', 'data': {'nodeType': 'exec'}}, {'id': 'y', 'data': {'nodeType': 'mystery'}}]}"));
        List<String> codes = r.errors().stream().map(Diagnostic::code).toList();
        assertTrue(codes.contains("DOC_SHAPE"), codes.toString()); // no meta.name
        assertEquals(2, codes.stream().filter("KEY_MISSING"::equals).count(), codes.toString()); // then, exec
        assertTrue(codes.contains("KIND_UNKNOWN"), codes.toString());
        ParseResult dup = FlowDefinitions.fromEditorJson(json("{'meta': {'name': 'd'}, 'nodes': [{'id': 'a', 'data': {'nodeType': 'mapping', 'with': '1'}},"
                + "{'id': 'a', 'data': {'nodeType': 'mapping', 'with': '2'}}]}"));
        assertEquals(List.of("NAME_DUPLICATE nodes[1]"), dup.errors().stream().map(d -> d.code() + " " + d.path()).toList());
        assertFalse(FlowDefinitions.fromEditorJson(json("[1]")).ok());
        assertFalse(FlowDefinitions.fromEditorJson(null).ok());
    }

    @Test
    void graphToYamlToGraphKeepsTheModel() throws Exception {
        Flow f = FlowDefinitions.fromEditorJson(json(GRAPH)).flow();
        String yaml = FlowDefinitions.toYaml(f);
        ParseResult back = FlowDefinitions.parseYaml(yaml);
        assertEquals(List.of(), back.errors(), yaml);
        assertEquals(ModelText.of(f), ModelText.of(back.flow()));
        assertTrue(yaml.startsWith("flow:\n    name: editor flow\n"), yaml);
        JsonNode graph = FlowDefinitions.toEditorJson(back.flow());
        assertEquals(ModelText.of(f), ModelText.of(FlowDefinitions.fromEditorJson(graph).flow()));
    }

    @Test
    void generatedGraphHasStartNodeLayoutAndNestedBodies() {
        Flow f = FlowDefinitions.parseYaml("""
                flow:
                    name: layout
                    args:
                        in:
                            n: int = 2
                    node:
                        a:
                            with: 1
                            next: c

                        b:
                            with: 2
                            next: c

                        c:
                            each: [a, b] => x
                            node:
                                s:
                                    with: x
                            with: 1
                """.replace("[a, b] => x", "arr => x").replace("    node:\n        a:", "    vars: arr = []\n    node:\n        a:")).flow();
        JsonNode g = FlowDefinitions.toEditorJson(f);
        JsonNode nodes = g.get("nodes");
        assertEquals("start", nodes.get(0).get("id").asText());
        assertEquals("n", nodes.get(0).at("/data/parameters/0/name").asText());
        assertEquals("number", nodes.get(0).at("/data/parameters/0/type").asText());
        assertEquals("int", g.at("/args/inputs/0/type").asText());
        assertEquals("2", g.at("/args/inputs/0/defaultValue").asText());
        assertEquals(nodes.get(1).at("/position/x").asInt(), nodes.get(2).at("/position/x").asInt()); // a, b same layer
        assertTrue(nodes.get(3).at("/position/x").asInt() > nodes.get(1).at("/position/x").asInt()); // c deeper
        assertTrue(nodes.get(2).at("/position/y").asInt() > nodes.get(1).at("/position/y").asInt());
        assertEquals("each", nodes.get(3).at("/data/nodeType").asText());
        assertEquals("s", nodes.get(3).at("/data/subFlowNodes/0/id").asText());
        assertEquals(List.of("a", "b"), M.convertValue(g.at("/args/entryNodeIds"), List.class));
        // start edges mark the entry nodes
        long fromStart = 0;
        for (JsonNode e : g.get("edges")) if (e.get("source").asText().equals("start")) fromStart++;
        assertEquals(2, fromStart);
    }
}
