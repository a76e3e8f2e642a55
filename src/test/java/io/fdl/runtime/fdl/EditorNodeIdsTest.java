package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editor node ids that are not FDL names (editor-json.md §2): deterministic names, original ids reported. */
class EditorNodeIdsTest {
    static final ObjectMapper M = new ObjectMapper();

    static JsonNode json(String s) throws Exception {
        return M.readTree(s.replace('\'', '"'));
    }

    @Test
    void namesAreDeterministicAndCollisionsGetASuffix() {
        Map<String, String> names = NodeIds.assign(List.of("exec-1", "exec_1", "mapping-1796175816547", "1st", "true",
                "exec.1", "ok", "", "exec-1"));
        assertEquals("exec_1_2", names.get("exec-1")); // exec_1 is a valid id of its own and keeps it
        assertEquals("exec_1_3", names.get("exec.1"));
        assertEquals("mapping_1796175816547", names.get("mapping-1796175816547"));
        assertEquals("n_1st", names.get("1st"));
        assertEquals("true_", names.get("true"));
        assertNull(names.get("ok"));
        assertNull(names.get(""));
        assertEquals(names, NodeIds.assign(List.of("exec-1", "exec_1", "mapping-1796175816547", "1st", "true",
                "exec.1", "ok", "", "exec-1")));
    }

    @Test
    void pathsAreReportedWithTheOriginalIdsKeepingIterationIndexes() {
        NodeIds ids = NodeIds.of(Map.of("each-1", "each_1", "mapping-2", "mapping_2"));
        assertEquals("each-1[3]/mapping-2", ids.report("each_1[3]/mapping_2"));
        assertEquals("each-1/mapping-2", ids.report("each_1/mapping_2"));
        assertEquals("other", ids.report("other"));
        assertNull(ids.report(null));
        assertTrue(NodeIds.of(Map.of()).isEmpty());
    }

    @Test
    void aPaletteGraphValidatesAndItsDiagnosticsNameTheEditorsIds() throws Exception {
        ParseResult ok = FlowDefinitions.fromEditorJson(json("""
                {'meta': {'name': 'p'}, 'nodes': [
                  {'id': 'start-1', 'type': 'start', 'data': {'nodeType': 'start', 'parameters': [{'name': 'n', 'type': 'int', 'required': true}]}},
                  {'id': 'mapping-1', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': 'n + 1'}},
                  {'id': 'condition-1', 'type': 'condition', 'data': {'nodeType': 'condition', 'when': 'mapping_1 > 1', 'fail': 'mapping-3'}},
                  {'id': 'mapping-2', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': '1'}},
                  {'id': 'mapping-3', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': '2'}}],
                 'edges': [{'id': 'a', 'source': 'start-1', 'target': 'mapping-1'},
                           {'id': 'b', 'source': 'mapping-1', 'target': 'condition-1'},
                           {'id': 'c', 'source': 'condition-1', 'target': 'mapping-2', 'data': {'edgeType': 'then'}},
                           {'id': 'd', 'source': 'condition-1', 'target': 'mapping-3', 'data': {'edgeType': 'else'}}]}
                """));
        assertTrue(ok.ok(), ok.diagnostics().toString());
        assertEquals("condition-1", ok.flow().ids().report("condition_1"));
        assertEquals("n", ok.flow().args().in().get(0).name());
        assertTrue(ok.flow().args().in().get(0).required());

        ParseResult bad = FlowDefinitions.fromEditorJson(json("""
                {'meta': {'name': 'p'}, 'nodes': [{'id': 'mapping-1796175816547', 'type': 'mapping', 'data': {'nodeType': 'mapping', 'with': ''}}], 'edges': []}
                """));
        assertTrue(bad.diagnostics().stream().anyMatch(d -> "mapping-1796175816547".equals(d.node())), bad.diagnostics().toString());
    }
}
