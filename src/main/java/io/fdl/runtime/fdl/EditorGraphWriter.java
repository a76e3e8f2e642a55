package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the editor's JSON graph from a model (editor-json.md §4): one node per FDL node, a
 * {@code start} node declaring {@code args.in}, edges from the jumps, a layered layout (x by depth,
 * y by order within a depth) and each/loop bodies nested as {@code subFlowNodes}/{@code subFlowEdges}.
 */
final class EditorGraphWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final int DX = 280;
    static final int DY = 140;

    private EditorGraphWriter() {}

    static JsonNode write(Flow flow) {
        ObjectNode g = F.objectNode();
        ObjectNode meta = g.putObject("meta");
        meta.put("name", flow.name());
        if (flow.desp() != null) meta.put("description", flow.desp());
        ObjectNode args = g.putObject("args");
        ArrayNode inputs = args.putArray("inputs");
        ArrayNode params = F.arrayNode();
        for (InputDecl in : flow.args().in()) {
            TypeRef t = in.type();
            boolean nullable = t instanceof TypeRef.Nullable;
            TypeRef core = nullable ? ((TypeRef.Nullable) t).inner() : t;
            boolean isArray = core instanceof TypeRef.ArrayOf;
            TypeRef base = isArray ? ((TypeRef.ArrayOf) core).element() : core;
            ObjectNode i = inputs.addObject();
            i.put("name", in.name());
            i.put("type", base.text());
            i.put("nullable", nullable);
            i.put("isArray", isArray);
            if (in.defaultValue() != null) i.put("defaultValue", in.defaultValue().source());
            else i.putNull("defaultValue");
            ObjectNode p = params.addObject();
            p.put("name", in.name());
            p.put("type", paramType(core));
            p.put("required", in.required());
            if (in.defaultValue() != null) p.put("defaultValue", in.defaultValue().source());
        }
        OutSpec out = flow.args().out();
        if (out instanceof OutSpec.Fields f) {
            ArrayNode outs = args.putArray("outputs");
            for (FieldDecl fd : f.fields()) outs.addObject().put("name", fd.name()).put("type", fd.type().text());
        } else if (out instanceof OutSpec.Type t) {
            args.putObject("outputs").put("type", t.type().text()).put("nullable", false).put("isArray", false);
        }
        if (!flow.args().defs().isEmpty()) {
            ArrayNode defs = args.putArray("defs");
            for (RecordDef def : flow.args().defs().values()) {
                ObjectNode dn = defs.addObject();
                dn.put("name", def.name());
                ArrayNode fields = dn.putArray("fields");
                for (FieldDecl fd : def.fields()) fields.addObject().put("name", fd.name()).put("type", fd.type().text());
            }
        }
        ArrayNode entry = args.putArray("entryNodeIds");
        flow.block().startNodes().forEach(n -> entry.add(n.id()));
        if (flow.vars() != null) g.put("vars", flow.vars().source());

        ArrayNode nodes = g.putArray("nodes");
        ArrayNode edges = g.putArray("edges");
        String startId = "start";
        for (int k = 1; flow.block().node(startId) != null; k++) startId = "start_" + k;
        ObjectNode start = nodes.addObject();
        start.put("id", startId);
        start.put("type", "start");
        start.putObject("position").put("x", 0).put("y", 0);
        ObjectNode sd = start.putObject("data");
        sd.put("nodeType", "start");
        sd.put("label", "Start");
        sd.set("parameters", params);
        int[] edgeSeq = {0};
        for (Node n : flow.block().startNodes()) edge(edges, edgeSeq, startId, n.id(), "next", null);
        block(flow.block(), nodes, edges, edgeSeq, DX);
        return g;
    }

    private static void block(Block block, ArrayNode nodes, ArrayNode edges, int[] edgeSeq, int x0) {
        Map<String, Integer> depth = depths(block);
        Map<Integer, Integer> rowOf = new HashMap<>();
        for (Node n : block.nodes()) {
            int dpt = depth.getOrDefault(n.id(), 0);
            int row = rowOf.merge(dpt, 1, Integer::sum) - 1;
            ObjectNode o = nodes.addObject();
            o.put("id", n.id());
            o.put("type", nodeType(n));
            o.putObject("position").put("x", x0 + dpt * DX).put("y", row * DY);
            o.set("data", data(n));
            for (String t : n.next()) edge(edges, edgeSeq, n.id(), t, "next", null);
            if (n instanceof Node.Condition c) {
                for (String t : c.then()) edge(edges, edgeSeq, n.id(), t, "then", null);
                for (String t : c.elseTargets()) edge(edges, edgeSeq, n.id(), t, "else", null);
            } else if (n instanceof Node.Case c) {
                for (int k = 0; k < c.entries().size(); k++) {
                    for (String t : c.entries().get(k).then()) edge(edges, edgeSeq, n.id(), t, "then", k);
                }
                for (String t : c.elseTargets()) edge(edges, edgeSeq, n.id(), t, "else", null);
            }
            for (String t : n.fail()) edge(edges, edgeSeq, n.id(), t, "fail", null);
        }
    }

    private static ObjectNode data(Node n) {
        ObjectNode d = F.objectNode();
        d.put("nodeType", nodeType(n));
        d.put("label", n.name() == null ? n.id() : n.name());
        if (n.desp() != null) d.put("description", n.desp());
        if (n instanceof Node.ToolCall t) {
            d.put("exec", t.exec().text());
            put(d, "args", t.args());
            put(d, "with", t.with());
            put(d, "sets", t.sets());
            put(d, "only", t.only());
        } else if (n instanceof Node.Mapping m) {
            put(d, "with", m.with());
            put(d, "sets", m.sets());
            put(d, "only", m.only());
        } else if (n instanceof Node.Condition c) {
            put(d, "when", c.when());
        } else if (n instanceof Node.Case c) {
            ArrayNode cases = d.putArray("cases");
            for (Node.CaseEntry e : c.entries()) cases.addObject().put("when", e.when().source());
        } else if (n instanceof Node.Wait w) {
            d.put("wait", w.durationMs());
            put(d, "only", w.only());
        } else if (n instanceof Node.Each e) {
            d.put("each", YamlWriter.eachText(e.source()));
            put(d, "vars", e.vars());
            put(d, "outputWith", e.with());
            put(d, "sets", e.sets());
            put(d, "only", e.only());
            body(d, e.body());
        } else if (n instanceof Node.Loop l) {
            put(d, "vars", l.vars());
            put(d, "when", l.when());
            put(d, "outputWith", l.with());
            put(d, "sets", l.sets());
            put(d, "only", l.only());
            body(d, l.body());
        }
        return d;
    }

    private static void body(ObjectNode d, Block body) {
        ArrayNode sn = d.putArray("subFlowNodes");
        ArrayNode se = d.putArray("subFlowEdges");
        block(body, sn, se, new int[]{0}, 0);
    }

    private static void put(ObjectNode d, String key, Script s) {
        if (s != null) d.put(key, s.source());
    }

    private static void edge(ArrayNode edges, int[] seq, String src, String tgt, String type, Integer caseIndex) {
        ObjectNode e = edges.addObject();
        e.put("id", "e" + (++seq[0]));
        e.put("source", src);
        e.put("target", tgt);
        ObjectNode data = e.putObject("data");
        data.put("edgeType", type);
        if (caseIndex != null) data.put("caseIndex", caseIndex);
    }

    static String nodeType(Node n) {
        return switch (n.kind()) {
            case TOOL_CALL -> "exec";
            case MAPPING -> "mapping";
            case CONDITION -> "condition";
            case CASE -> "switch";
            case WAIT -> "delay";
            case EACH -> "each";
            case LOOP -> "loop";
        };
    }

    private static String paramType(TypeRef t) {
        if (t instanceof TypeRef.ArrayOf) return "array";
        if (t instanceof TypeRef.MapOf || t instanceof TypeRef.Named) return "object";
        if (t instanceof TypeRef.Prim p) {
            return switch (p.kind()) {
                case BOOL -> "boolean";
                case INT, LONG, DOUBLE, DECIMAL -> "number";
                case ANY -> "object";
                default -> "string";
            };
        }
        return "string";
    }

    /** Longest-path depth of every node from the block's start nodes (the graph is a DAG). */
    static Map<String, Integer> depths(Block block) {
        Map<String, Integer> depth = new HashMap<>();
        Map<String, List<String>> preds = block.predecessors();
        List<String> order = new ArrayList<>();
        Map<String, Integer> indeg = new HashMap<>();
        preds.forEach((id, p) -> indeg.put(id, p.size()));
        List<String> ready = new ArrayList<>();
        for (Node n : block.nodes()) if (indeg.getOrDefault(n.id(), 0) == 0) ready.add(n.id());
        while (!ready.isEmpty()) {
            String id = ready.remove(0);
            order.add(id);
            Node n = block.node(id);
            for (String t : n.targets()) {
                if (!indeg.containsKey(t)) continue;
                depth.merge(t, depth.getOrDefault(id, 0) + 1, Math::max);
                if (indeg.merge(t, -1, Integer::sum) == 0) ready.add(t);
            }
        }
        return depth;
    }
}
