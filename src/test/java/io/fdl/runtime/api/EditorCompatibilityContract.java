package io.fdl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The original flow editor's exact requests (issue 10, editor-json.md §6), replayed against dev
 * mode: no {@code Authorization} header anywhere, {@code tenant_id} in bodies and query strings,
 * autosave bodies {@code {data, tenant_id}} without a label, palette ids like
 * {@code mapping-1796175816547}, half-built graphs, {@code args} as the run request builds it.
 * Run on both stores (drafts and the published filter touch the schema).
 */
abstract class EditorCompatibilityContract {
    static final ObjectMapper M = new ObjectMapper();

    /** The editor's fetch(): JSON, no token. */
    static RequestSpecification editor() {
        return given().contentType(ContentType.JSON);
    }

    static JsonNode json(String s) {
        try {
            return M.readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The greeting flow as the editor draws it: a start node, a condition, two mappings, palette ids. */
    static final String GREETING = """
            {'meta': {'name': 'greeting', 'description': ''},
             'args': {'inputs': [], 'outputs': []},
             'nodes': [
               {'id': 'start-1796175801875', 'type': 'start', 'position': {'x': 0, 'y': 0},
                'data': {'nodeType': 'start', 'label': '开始', 'parameters': [{'name': 'isMember', 'type': 'bool', 'required': false}]}},
               {'id': 'condition-1', 'type': 'condition', 'position': {'x': 200, 'y': 0},
                'data': {'nodeType': 'condition', 'label': '会员?', 'when': 'isMember == true', 'executionStatus': 'idle'}},
               {'id': 'mapping-1796175816547', 'type': 'mapping', 'position': {'x': 400, 'y': -80},
                'data': {'nodeType': 'mapping', 'label': 'member', 'with': '\\u0027Hello, dear member.\\u0027'}},
               {'id': 'mapping-1796175816548', 'type': 'mapping', 'position': {'x': 400, 'y': 80},
                'data': {'nodeType': 'mapping', 'label': 'user', 'with': '\\u0027Hello, dear user.\\u0027'}}],
             'edges': [
               {'id': 'e0', 'source': 'start-1796175801875', 'target': 'condition-1'},
               {'id': 'e1', 'source': 'condition-1', 'sourceHandle': 'then', 'target': 'mapping-1796175816547', 'data': {'edgeType': 'then'}},
               {'id': 'e2', 'source': 'condition-1', 'sourceHandle': 'else', 'target': 'mapping-1796175816548', 'data': {'edgeType': 'else'}}]}
            """;

    /** executeStore.execute(): args.inputs become {in: {name: type}}, args.outputs {out: [{name, type}]}. */
    static Map<String, Object> runRequest(JsonNode graph, Map<String, Object> inputs) {
        Map<String, Object> flow = new java.util.LinkedHashMap<>();
        flow.put("meta", graph.get("meta"));
        flow.put("nodes", graph.get("nodes"));
        flow.put("edges", graph.get("edges"));
        // the greeting graph has no args.outputs: executeStore sends out: [] then
        flow.put("args", json("{'in': {'isMember': 'bool'}, 'out': []}"));
        return Map.of("flow", flow, "inputs", inputs, "async_mode", false);
    }

    static String createFlow(String name) {
        return editor().body(Map.of("name", name, "description", "d", "tenant_id", "default"))
                .post("/api/flows").then().statusCode(201).extract().path("id");
    }

    /** useAutoSave: {data, tenant_id}, no label (JSON.stringify drops the undefined name). */
    static ValidatableResponse autosave(String flowId, JsonNode graph) {
        return editor().body(Map.of("data", graph, "tenant_id", "default"))
                .post("/api/flows/" + flowId + "/versions").then();
    }

    @Test
    void greetingThroughTheEditorsJsonPathSaysMember() {
        JsonNode g = json(GREETING);
        var r = editor().body(runRequest(g, Map.of("isMember", true))).post("/api/execute/run").then().statusCode(200)
                .body("status", is("completed")).body("flow_id", is("direct")).body("flow_name", is("greeting"))
                .body("result.success", is(true)).body("result.outputs", is("Hello, dear member."))
                .body("result.error", nullValue())
                // node_results name the nodes by the editor's ids, never by the mapped FDL names
                .body("result.node_results", hasKey("mapping-1796175816547"))
                .body("result.node_results", not(hasKey("mapping_1796175816547")))
                .extract();
        String executionId = r.path("execution_id");
        editor().get("/api/execute/status/" + executionId).then().statusCode(200)
                .body("status", is("completed")).body("result.outputs", is("Hello, dear member."));
        editor().body(runRequest(g, Map.of("isMember", false))).post("/api/execute/run").then().statusCode(200)
                .body("result.outputs", is("Hello, dear user."));
        // a bool input coerces the text "true" (fdl.md §4) and refuses anything else, never a silent else branch
        editor().body(runRequest(g, Map.of("isMember", "true"))).post("/api/execute/run").then().statusCode(200)
                .body("result.outputs", is("Hello, dear member."));
        editor().body(runRequest(g, Map.of("isMember", "yes"))).post("/api/execute/run").then().statusCode(400)
                .body("code", is("INVALID_INPUTS"));
    }

    @Test
    void theCoreLoopWithoutAnyToken() {
        editor().queryParam("tenant_id", "default").queryParam("limit", 100).queryParam("offset", 0)
                .get("/api/flows").then().statusCode(200).body("flows", notNullValue()).body("total", greaterThanOrEqualTo(0));
        String flowId = createFlow("editor loop " + System.nanoTime());

        // a fresh flow autosaves its empty graph, then a palette node with an empty `with`: drafts, stored
        JsonNode empty = json("{'meta': {'name': '新流程', 'description': ''}, 'args': {'inputs': [], 'outputs': []}, 'nodes': [], 'edges': []}");
        autosave(flowId, empty).statusCode(201).body("version_number", is(1)).body("valid", notNullValue());
        JsonNode halfBuilt = json("{'meta': {'name': '新流程'}, 'nodes': [{'id': 'mapping-1796175816547', 'type': 'mapping',"
                + " 'position': {'x': 10, 'y': 20}, 'data': {'nodeType': 'mapping', 'label': '新数据映射', 'with': ''}}], 'edges': []}");
        String draftId = autosave(flowId, halfBuilt).statusCode(201).body("version_number", is(2))
                .body("valid", is(false)).body("diagnostics.size()", greaterThan(0))
                .body("diagnostics.node", hasItem("mapping-1796175816547"))
                .extract().path("id");
        editor().get("/api/flows/" + flowId + "/versions/" + draftId).then().statusCode(200)
                .body("valid", is(false)).body("fdl", nullValue()).body("source_format", is("editor-json"))
                .body("data.nodes[0].id", is("mapping-1796175816547")).body("data.nodes[0].position.x", is(10))
                .body("diagnostics.node", hasItem("mapping-1796175816547"));
        // a draft cannot run or be published: 422 with the diagnostics
        editor().body(Map.of("inputs", Map.of(), "async_mode", false)).post("/api/execute/" + flowId).then()
                .statusCode(422).body("code", is("INVALID_FLOW")).body("diagnostics.size()", greaterThan(0));
        editor().body(Map.of("version_id", draftId, "tenant_id", "default")).post("/api/flows/" + flowId + "/publish")
                .then().statusCode(422).body("code", is("INVALID_FLOW"));

        // Ctrl+S: the finished graph, with a label
        String v3 = editor().body(Map.of("data", json(GREETING), "label", "手动保存 10:00:00", "tenant_id", "default"))
                .post("/api/flows/" + flowId + "/versions").then().statusCode(201)
                .body("valid", is(true)).body("diagnostics", empty()).extract().path("id");
        editor().get("/api/flows/" + flowId + "/versions").then().statusCode(200)
                .body("versions[0].id", is(v3)).body("versions[0].version_number", is(3));
        editor().get("/api/flows/" + flowId + "/versions/" + v3).then().statusCode(200)
                .body("valid", is(true)).body("data.nodes[1].id", is("condition-1"))
                .body("fdl", containsString("mapping_1796175816547"));
        editor().body(Map.of("inputs", Map.of("isMember", true))).post("/api/execute/" + flowId).then().statusCode(200)
                .body("result.outputs", is("Hello, dear member."))
                .body("result.node_results", hasKey("mapping-1796175816547"));

        // publish (PublishDialog: latest version), the Published page, an API key and its use
        editor().queryParam("tenant_id", "default").get("/api/flows/" + flowId + "/publish-status").then()
                .statusCode(200).body("published", is(false));
        editor().body(Map.of("version_id", v3, "tenant_id", "default")).post("/api/flows/" + flowId + "/publish").then()
                .statusCode(200).body("published", is(true)).body("published_at", notNullValue())
                .body("published_version_id", is(v3));
        editor().queryParam("tenant_id", "default").queryParam("published", "true").queryParam("limit", 500).get("/api/flows").then()
                .statusCode(200).body("flows.id", hasItem(flowId)).body("flows.published", everyItem(is(true)))
                .body("flows.find { it.id == '" + flowId + "' }.published_version_id", is(v3))
                .body("flows.find { it.id == '" + flowId + "' }.published_at", notNullValue());
        editor().queryParam("tenant_id", "default").queryParam("published", "false").queryParam("limit", 500).get("/api/flows").then()
                .statusCode(200).body("flows.id", not(hasItem(flowId))).body("flows.published", everyItem(is(false)));
        editor().queryParam("published", "maybe").get("/api/flows").then().statusCode(400).body("code", is("INVALID_REQUEST"));

        var key = editor().body(Map.of("name", "partner", "rate_limit", 100, "tenant_id", "default"))
                .post("/api/flows/" + flowId + "/api-keys").then().statusCode(201)
                .body("key", startsWith("fk_")).extract();
        String plaintext = key.path("key");
        editor().queryParam("tenant_id", "default").get("/api/flows/" + flowId + "/api-keys").then().statusCode(200)
                .body("api_keys[0].usage_count", is(0)).body("api_keys[0].last_used_at", nullValue());
        for (int i = 0; i < 3; i++) {
            editor().header("X-API-Key", plaintext).body(Map.of("inputs", Map.of("isMember", i % 2 == 0), "wait", true))
                    .post("/api/v1/flows/" + flowId + "/execute").then().statusCode(200).body("status", is("completed"));
        }
        editor().queryParam("tenant_id", "default").get("/api/flows/" + flowId + "/api-keys").then().statusCode(200)
                .body("api_keys[0].usage_count", is(3)).body("api_keys[0].last_used_at", notNullValue());
        editor().queryParam("tenant_id", "default").delete("/api/flows/" + flowId + "/api-keys/" + key.path("id"))
                .then().statusCode(200);
        editor().body(Map.of("tenant_id", "default")).post("/api/flows/" + flowId + "/unpublish").then().statusCode(200)
                .body("published", is(false));
    }

    @Test
    void everyFdlTypeNameInParametersAndArgsAndUnknownOnesAreDiagnostics() {
        JsonNode typed = json("""
                {'meta': {'name': 'types'},
                 'args': {'in': {'n': 'int', 'big': 'long?', 'ratio': 'double', 'day': 'date?', 'tags': 'string[]', 'x': 'any', 'o': 'Order?'},
                          'defs': [{'name': 'Order', 'fields': [{'name': 'id', 'type': 'string'}]}],
                          'out': [{'name': 'next', 'type': 'int'}, {'name': 'count', 'type': 'int'}]},
                 'nodes': [{'id': 'start-1', 'type': 'start', 'data': {'nodeType': 'start', 'parameters': [
                              {'name': 'flag', 'type': 'boolean', 'required': true}, {'name': 'score', 'type': 'number', 'required': false}]}},
                           {'id': 'calc-1', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': 'next = n + 1, count = tags.length()'}}],
                 'edges': []}
                """);
        editor().body(Map.of("flow", typed, "inputs", Map.of("n", 41, "ratio", 0.5, "tags", List.of("a", "b"), "x", 1, "flag", true)))
                .post("/api/execute/run").then().statusCode(200)
                .body("result.outputs.next", is(42)).body("result.outputs.count", is(2));
        // an unknown type name is a diagnostic, never a silent string
        JsonNode unknown = json("""
                {'meta': {'name': 'bad type'}, 'nodes': [
                  {'id': 'start-1', 'type': 'start', 'data': {'nodeType': 'start', 'parameters': [{'name': 'a', 'type': 'integer', 'required': true}]}},
                  {'id': 'm-1', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': 'a'}}], 'edges': []}
                """);
        editor().body(Map.of("data", unknown)).post("/api/flows/validate").then().statusCode(200)
                .body("valid", is(false)).body("diagnostics.code", hasItem("TYPE_INVALID"))
                .body("diagnostics.message", hasItem(containsString("integer")));
        editor().body(Map.of("flow", unknown, "inputs", Map.of("a", 1))).post("/api/execute/run").then().statusCode(422)
                .body("code", is("INVALID_FLOW")).body("diagnostics.code", hasItem("TYPE_INVALID"));
        JsonNode unknownInArgs = json("{'meta': {'name': 'bad'}, 'args': {'in': {'a': 'strng'}}, 'nodes': [{'id': 'm-1', 'type': 'mapping',"
                + " 'data': {'nodeType': 'mapping', 'with': 'a'}}], 'edges': []}");
        editor().body(Map.of("data", unknownInArgs)).post("/api/flows/validate").then().statusCode(200)
                .body("valid", is(false)).body("diagnostics.code", hasItem("TYPE_INVALID"));
    }

    /** createDefaultNodeData() of the palette, dropped with `${type}-${Date.now()}` ids. */
    static final Map<String, String> PALETTE = Map.ofEntries(
            Map.entry("start", "{'parameters': []}"), Map.entry("exec", "{'exec': ''}"), Map.entry("mapping", "{'with': ''}"),
            Map.entry("condition", "{'when': ''}"), Map.entry("switch", "{'cases': []}"), Map.entry("delay", "{'wait': '1s'}"),
            Map.entry("each", "{'each': ''}"), Map.entry("loop", "{'vars': '', 'when': ''}"),
            Map.entry("agent", "{'model': 'gpt-4o'}"), Map.entry("guard", "{'guardTypes': ['pii'], 'action': 'block'}"),
            Map.entry("approval", "{'title': '请审批'}"), Map.entry("mcp", "{'server': '', 'tool': ''}"),
            Map.entry("handoff", "{'target': ''}"), Map.entry("oss", "{'oss': ''}"), Map.entry("mq", "{'mq': ''}"),
            Map.entry("mail", "{'mail': ''}"), Map.entry("sms", "{'sms': ''}"), Map.entry("service", "{'service': ''}"));

    @Test
    void everyPaletteDefaultSavesAndFilledKindsValidateAndRun() {
        String flowId = createFlow("palette " + System.nanoTime());
        long ts = 1796175816547L;
        for (var e : PALETTE.entrySet()) {
            JsonNode data = json(e.getValue());
            ((com.fasterxml.jackson.databind.node.ObjectNode) data).put("nodeType", e.getKey()).put("label", "新" + e.getKey());
            JsonNode graph = M.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("meta", json("{'name': '新流程'}"))
                    .<com.fasterxml.jackson.databind.node.ObjectNode>set("nodes", M.createArrayNode().add(M.createObjectNode()
                            .put("id", e.getKey() + "-" + ts++).put("type", e.getKey())
                            .<com.fasterxml.jackson.databind.node.ObjectNode>set("position", json("{'x': 1, 'y': 2}"))
                            .set("data", data)))
                    .set("edges", M.createArrayNode());
            autosave(flowId, graph).statusCode(201).body("valid", notNullValue());
        }
        // the supported kinds, filled in, in one palette-made graph: validates, saves valid, runs
        JsonNode filled = json("""
                {'meta': {'name': 'filled'},
                 'nodes': [
                   {'id': 'start-1796175801875', 'type': 'start', 'data': {'nodeType': 'start', 'parameters': [{'name': 'items', 'type': 'array', 'required': true}]}},
                   {'id': 'mapping-1796175816547', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': 'count = items.length()'}},
                   {'id': 'delay-1796175816548', 'type': 'delay', 'data': {'nodeType': 'delay', 'wait': '10ms'}},
                   {'id': 'condition-1796175816549', 'type': 'condition', 'data': {'nodeType': 'condition', 'when': 'mapping_1796175816547.count > 1'}},
                   {'id': 'switch-1796175816550', 'type': 'switch', 'data': {'nodeType': 'switch', 'cases': [{'when': 'mapping_1796175816547.count == 2'}]}},
                   {'id': 'each-1796175816551', 'type': 'each', 'data': {'nodeType': 'each', 'each': 'items => it, i', 'vars': 'acc = 0', 'outputWith': 'acc',
                      'subFlowNodes': [{'id': 'mapping-1796175816552', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': 'v = it', 'sets': 'acc = acc + it'}}],
                      'subFlowEdges': []}},
                   {'id': 'loop-1796175816553', 'type': 'loop', 'data': {'nodeType': 'loop', 'vars': 'k = 0', 'when': 'k < 3', 'outputWith': 'k',
                      'subFlowNodes': [{'id': 'mapping-1796175816554', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': 'k', 'sets': 'k = k + 1'}}],
                      'subFlowEdges': []}},
                   {'id': 'mapping-1796175816555', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': 'each_1796175816551'}},
                   {'id': 'mapping-1796175816556', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': 'loop_1796175816553'}}],
                 'edges': [
                   {'id': 'a', 'source': 'mapping-1796175816547', 'target': 'delay-1796175816548'},
                   {'id': 'b', 'source': 'delay-1796175816548', 'target': 'condition-1796175816549'},
                   {'id': 'c', 'source': 'condition-1796175816549', 'target': 'switch-1796175816550', 'data': {'edgeType': 'then'}},
                   {'id': 'd', 'source': 'condition-1796175816549', 'target': 'loop-1796175816553', 'data': {'edgeType': 'else'}},
                   {'id': 'e', 'source': 'switch-1796175816550', 'target': 'each-1796175816551', 'data': {'edgeType': 'next', 'caseIndex': 0}},
                   {'id': 'f', 'source': 'switch-1796175816550', 'target': 'loop-1796175816553', 'data': {'edgeType': 'else'}},
                   {'id': 'g', 'source': 'each-1796175816551', 'target': 'mapping-1796175816555'},
                   {'id': 'h', 'source': 'loop-1796175816553', 'target': 'mapping-1796175816556'}]}
                """);
        editor().body(Map.of("data", filled)).post("/api/flows/validate").then().statusCode(200).body("valid", is(true));
        autosave(flowId, filled).statusCode(201).body("valid", is(true));
        editor().body(Map.of("inputs", Map.of("items", List.of(1, 2)))).post("/api/execute/" + flowId).then().statusCode(200)
                .body("status", is("completed")).body("result.outputs", is(3))
                .body("result.node_results", hasKey("each-1796175816551"));
    }

    @Test
    void theTemplatesSaveAndOnceFilledRun() {
        String flowId = createFlow("templates " + System.nanoTime());
        // conditional template as shipped (its `${inputs.value}` texts are not GML): a draft
        JsonNode shipped = json("""
                {'meta': {'name': '条件工作流'}, 'args': {'inputs': [{'name': 'value', 'type': 'number'}, {'name': 'threshold', 'type': 'number', 'defaultValue': '10'}],
                 'outputs': [{'name': 'result', 'type': 'string'}]},
                 'nodes': [{'id': 'condition-1', 'type': 'condition', 'data': {'nodeType': 'condition', 'label': '条件判断', 'when': '${inputs.value} > ${inputs.threshold}'}},
                           {'id': 'mapping-true', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'label': '大于阈值'}},
                           {'id': 'mapping-false', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'label': '小于等于阈值'}}],
                 'edges': [{'id': 'e1', 'source': 'condition-1', 'target': 'mapping-true', 'data': {'edgeType': 'then'}},
                           {'id': 'e2', 'source': 'condition-1', 'target': 'mapping-false', 'data': {'edgeType': 'else'}}]}
                """);
        // the template's mapping texts exactly as flowTemplates.ts builds them: JSON.stringify({result: '"高于阈值"'})
        ((com.fasterxml.jackson.databind.node.ObjectNode) shipped.get("nodes").get(1).get("data")).put("with", "{\"result\":\"\\\"高于阈值\\\"\"}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) shipped.get("nodes").get(2).get("data")).put("with", "{\"result\":\"\\\"低于或等于阈值\\\"\"}");
        autosave(flowId, shipped).statusCode(201).body("valid", is(false)).body("diagnostics.node", hasItem("condition-1"));
        // filled in with GML: valid, and runs both ways
        ((com.fasterxml.jackson.databind.node.ObjectNode) shipped.get("nodes").get(0).get("data")).put("when", "value > threshold");
        ((com.fasterxml.jackson.databind.node.ObjectNode) shipped.get("nodes").get(1).get("data")).put("with", "result = '高于阈值'");
        ((com.fasterxml.jackson.databind.node.ObjectNode) shipped.get("nodes").get(2).get("data")).put("with", "result = '低于或等于阈值'");
        autosave(flowId, shipped).statusCode(201).body("valid", is(true));
        editor().body(Map.of("inputs", Map.of("value", 11))).post("/api/execute/" + flowId).then().statusCode(200)
                .body("result.outputs.result", is("高于阈值"));
        editor().body(Map.of("inputs", Map.of("value", 3, "threshold", 5))).post("/api/execute/" + flowId).then().statusCode(200)
                .body("result.outputs.result", is("低于或等于阈值"));
    }

    @Test
    void aBadTokenIsStill401InDevModeAndYamlVersionsStayStrict() {
        given().header("Authorization", "Bearer not-a-token").get("/api/flows").then().statusCode(401)
                .body("code", is("UNAUTHORIZED"));
        String flowId = createFlow("strict " + System.nanoTime());
        editor().body(Map.of("fdl", "flow:\n    name: x\n    node:\n        exec-1:\n            with: 1\n"))
                .post("/api/flows/" + flowId + "/versions").then().statusCode(422).body("code", is("INVALID_FLOW"))
                .body("diagnostics.code", hasItem("NAME_INVALID"));
        // JSON that is not of the editor's shape is not a draft either
        editor().body(Map.of("data", Map.of("nodes", "none"))).post("/api/flows/" + flowId + "/versions").then()
                .statusCode(422).body("code", is("INVALID_FLOW"));
    }

    @Test
    void theToolsPageListsEveryKind() {
        editor().queryParam("tenant_id", "default").get("/api/tools/services").then().statusCode(200).body("services", notNullValue());
        editor().queryParam("tenant_id", "default").get("/api/tools/datasources").then().statusCode(200).body("datasources", notNullValue());
        editor().queryParam("tenant_id", "default").get("/api/tools/udfs").then().statusCode(200)
                .body("udfs", empty()).body("total", is(0));
        for (String kind : List.of("oss", "mq", "mail", "sms", "svc")) {
            editor().queryParam("tenant_id", "default").get("/api/tools/" + kind).then().statusCode(200)
                    .body("configs", empty()).body("total", is(0));
            editor().body(Map.of("name", "x")).post("/api/tools/" + kind + "?tenant_id=default").then().statusCode(422)
                    .body("code", is("TOOL_KIND_UNSUPPORTED"));
            editor().body(Map.of("name", "x")).put("/api/tools/" + kind + "/x?tenant_id=default").then().statusCode(422)
                    .body("code", is("TOOL_KIND_UNSUPPORTED"));
            editor().delete("/api/tools/" + kind + "/x?tenant_id=default").then().statusCode(422)
                    .body("code", is("TOOL_KIND_UNSUPPORTED"));
            editor().get("/api/tools/" + kind + "/x?tenant_id=default").then().statusCode(404).body("code", is("NOT_FOUND"));
        }
        editor().body(Map.of("name", "f", "code", "x")).post("/api/tools/udfs?tenant_id=default").then().statusCode(422)
                .body("code", is("TOOL_KIND_UNSUPPORTED"));
        editor().body(Map.of("input", Map.of())).post("/api/tools/udfs/f/test?tenant_id=default").then().statusCode(422)
                .body("code", is("TOOL_KIND_UNSUPPORTED"));
        editor().post("/api/tools/oss/b/test?tenant_id=default").then().statusCode(422).body("code", is("TOOL_KIND_UNSUPPORTED"));
        editor().get("/api/tools/svc/s/health?tenant_id=default").then().statusCode(404);
    }

    @Test
    void corsPreflightFromTheEditorsOrigin() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/flows/x/versions").then().statusCode(200)
                .header("Access-Control-Allow-Origin", anyOf(is("*"), is("http://localhost:5173")))
                .header("Access-Control-Allow-Methods", containsString("POST"));
        editor().header("Origin", "http://localhost:5173").get("/api/flows").then().statusCode(200)
                .header("Access-Control-Allow-Origin", notNullValue());
    }

    static void assertContiguousFromOne(List<JsonNode> events) {
        assertFalse(events.isEmpty());
        for (int i = 0; i < events.size(); i++) assertEquals(i + 1, events.get(i).path("seq").asInt(), "seq " + (i + 1));
        assertEquals("started", events.get(0).path("event_type").asText());
        assertTrue(events.get(events.size() - 1).path("event_type").asText().equals("completed"));
    }
}
