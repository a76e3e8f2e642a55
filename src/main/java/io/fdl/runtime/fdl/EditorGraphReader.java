package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts the editor's JSON graph (editor-json.md) into the {@link YNode} tree the model builder
 * reads, so both formats get the same validation. Positions inside text fields are the text's own
 * line/column; paths name the JSON location ({@code nodes[3].data.with}, {@code edges[2]}).
 */
final class EditorGraphReader {

    private static final Set<String> RESERVED = Set.of("agent", "guard", "approval", "mcp", "handoff", "oss", "mq", "mail",
            "sms", "service");

    private final Diagnostics d;
    /** editor node id → FDL name, for ids that are not valid names ({@link NodeIds}) */
    private final Map<String, String> toName;

    private EditorGraphReader(Diagnostics d, Map<String, String> toName) {
        this.d = d;
        this.toName = toName;
    }

    /** The YAML-shaped tree (null when the graph is no object) and the node ids that were renamed. */
    record Read(YNode root, NodeIds ids) {}

    static Read read(JsonNode graph, Diagnostics d) {
        if (graph == null || !graph.isObject()) {
            d.error("DOC_SHAPE", "the editor graph must be a JSON object", SourcePos.START, null, null);
            return new Read(null, NodeIds.NONE);
        }
        List<String> ids = new ArrayList<>();
        collectIds(list(graph.get("nodes")), ids);
        Map<String, String> toName = NodeIds.assign(ids);
        return new Read(new EditorGraphReader(d, toName).root(graph), NodeIds.of(toName));
    }

    /** Every non-start node id of the document, depth first (sub-flows included), in document order. */
    private static void collectIds(List<JsonNode> nodes, List<String> out) {
        for (JsonNode n : nodes) {
            if ("start".equals(nodeType(n))) continue;
            out.add(n.path("id").asText(""));
            collectIds(list(n.path("data").get("subFlowNodes")), out);
        }
    }

    /** The FDL name of a node id (a jump target written as an editor id). */
    private String name(String id) {
        return toName.getOrDefault(id, id);
    }

    private YNode root(JsonNode g) {
        List<YNode.Entry> flow = new ArrayList<>();
        JsonNode meta = g.path("meta");
        addText(flow, "name", meta.get("name"), "meta.name");
        addText(flow, "desp", meta.get("description"), "meta.description");

        List<JsonNode> nodes = list(g.get("nodes"));
        List<JsonNode> startParams = new ArrayList<>();
        for (JsonNode n : nodes) {
            if ("start".equals(nodeType(n))) startParams.addAll(list(n.path("data").get("parameters")));
        }
        YNode args = args(g.path("args"), startParams);
        if (args != null) flow.add(entry("args", args, "args"));
        addText(flow, "vars", g.get("vars"), "vars");
        YNode.Map block = block(nodes, list(g.get("edges")), "nodes", "edges");
        flow.add(entry("node", block, "nodes"));
        YNode.Map flowMap = new YNode.Map(flow, SourcePos.START, "", false);
        return new YNode.Map(List.of(entry("flow", flowMap, "")), SourcePos.START, "", false);
    }

    // ---------------------------------------------------------------- args

    private YNode args(JsonNode a, List<JsonNode> startParams) {
        List<YNode.Entry> entries = new ArrayList<>();
        List<JsonNode> defs = list(a.get("defs"));
        if (!defs.isEmpty()) {
            List<YNode.Entry> dl = new ArrayList<>();
            for (int i = 0; i < defs.size(); i++) {
                JsonNode def = defs.get(i);
                String p = "args.defs[" + i + "]";
                List<YNode.Entry> fields = new ArrayList<>();
                List<JsonNode> fl = list(def.get("fields"));
                for (int k = 0; k < fl.size(); k++) {
                    JsonNode f = fl.get(k);
                    fields.add(entry(f.path("name").asText(""), scalar(f.path("type").asText(""), p + ".fields[" + k + "].type"),
                            p + ".fields[" + k + "].name"));
                }
                dl.add(entry(def.path("name").asText(""), new YNode.Map(fields, SourcePos.START, p + ".fields", false), p + ".name"));
            }
            entries.add(entry("defs", new YNode.Map(dl, SourcePos.START, "args.defs", false), "args.defs"));
        }
        Map<String, YNode.Entry> in = new LinkedHashMap<>();
        // args.inputs (editor-json.md §1) or args.in, the run request's form: {name: type} or a list
        String inKey = a.has("inputs") ? "inputs" : "in";
        JsonNode inNode = a.get(inKey);
        if (inNode != null && inNode.isObject()) {
            for (var it = inNode.fields(); it.hasNext(); ) {
                var f = it.next();
                String p = "args." + inKey + "." + f.getKey();
                JsonNode spec = f.getValue();
                String text = spec.isTextual() ? fdlType(spec.asText(), false) : param(spec, false);
                in.putIfAbsent(f.getKey(), entry(f.getKey(), scalar(spec.isTextual() ? text
                        : withDefault(text, spec.get("defaultValue")), p), p));
            }
        }
        List<JsonNode> inputs = list(inNode);
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode inp = inputs.get(i);
            String name = inp.path("name").asText("");
            String p = "args." + inKey + "[" + i + "]";
            in.putIfAbsent(name, entry(name, scalar(withDefault(param(inp, false), inp.get("defaultValue")), p), p + ".name"));
        }
        for (int i = 0; i < startParams.size(); i++) { // start-node parameters; args.inputs wins on a name clash
            JsonNode prm = startParams.get(i);
            String name = prm.path("name").asText("");
            String p = "start.parameters[" + i + "]";
            in.putIfAbsent(name, entry(name, scalar(withDefault(param(prm, true), prm.get("defaultValue")), p), p + ".name"));
        }
        if (!in.isEmpty()) entries.add(entry("in", new YNode.Map(new ArrayList<>(in.values()), SourcePos.START, "args.inputs", false), "args.inputs"));
        String outKey = a.has("outputs") ? "outputs" : "out";
        JsonNode out = a.get(outKey);
        String op = "args." + outKey;
        if (out != null && out.isArray() && !out.isEmpty()) {
            List<YNode.Entry> ol = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                JsonNode f = out.get(i);
                ol.add(entry(f.path("name").asText(""), scalar(param(f, false), op + "[" + i + "].type"), op + "[" + i + "].name"));
            }
            entries.add(entry("out", new YNode.Map(ol, SourcePos.START, op, false), op));
        } else if (out != null && out.isObject() && out.hasNonNull("type")) {
            entries.add(entry("out", scalar(param(out, false), op + ".type"), op));
        } else if (out != null && out.isTextual() && !out.asText().isBlank()) {
            entries.add(entry("out", scalar(fdlType(out.asText(), false), op), op));
        }
        return entries.isEmpty() ? null : new YNode.Map(entries, SourcePos.START, "args", false);
    }

    /**
     * The FDL type text of an editor parameter {@code {type, nullable?, isArray?, required?}}.
     * {@code startParam}: a start-node parameter, nullable unless {@code required}.
     */
    private static String param(JsonNode p, boolean startParam) {
        String type = fdlType(p.path("type").asText(""), startParam);
        if (p.path("isArray").asBoolean(false) && !type.endsWith("[]") && !type.endsWith("?")) type += "[]";
        boolean nullable = startParam ? !p.path("required").asBoolean(false) : p.path("nullable").asBoolean(false);
        if (nullable && !type.endsWith("?") && !type.equals("any")) type += "?";
        return type;
    }

    /**
     * Any FDL type text passes through unchanged (the builder reports an unknown name as
     * TYPE_INVALID, never a silent default); the editor's JSON-ish names map onto FDL types
     * (editor-json.md §2); an empty type is {@code any} (a parameter whose type was not chosen yet).
     */
    private static String fdlType(String raw, boolean startParam) {
        String t = raw == null ? "" : raw.strip();
        return switch (t) {
            case "" -> startParam ? "string" : "any";
            case "number" -> "double";
            case "boolean" -> "bool";
            case "object" -> "any";
            case "array" -> "any[]";
            default -> t;
        };
    }

    private static String withDefault(String type, JsonNode def) {
        if (def == null || def.isNull() || (def.isTextual() && def.asText().isBlank())) return type;
        // a text default is a GML expression; a JSON number/boolean is its literal text
        return type + " = " + (def.isTextual() ? def.asText() : def.toString());
    }

    // ---------------------------------------------------------------- nodes and edges

    private YNode.Map block(List<JsonNode> nodes, List<JsonNode> edges, String nodesPath, String edgesPath) {
        Map<String, Integer> index = new LinkedHashMap<>();
        Set<String> starts = new LinkedHashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String id = nodes.get(i).path("id").asText("");
            if ("start".equals(nodeType(nodes.get(i)))) {
                starts.add(id);
            } else if (index.putIfAbsent(id, i) != null) {
                d.error("NAME_DUPLICATE", "node id '" + id + "' is used more than once in the document", SourcePos.START, id,
                        nodesPath + "[" + i + "]");
            }
        }
        // jumps per source node and key, in edge order, as (target, path)
        Map<String, Map<String, List<String[]>>> jumps = new LinkedHashMap<>();
        for (int k = 0; k < edges.size(); k++) {
            JsonNode e = edges.get(k);
            String src = e.path("source").asText("");
            String tgt = name(e.path("target").asText(""));
            String p = edgesPath + "[" + k + "]";
            if (starts.contains(src)) continue; // entry markers only (editor-json.md §3)
            if (!index.containsKey(src)) {
                d.error("DOC_SHAPE", "edge source '" + src + "' is not a node", SourcePos.START, null, p);
                continue;
            }
            String type = e.path("data").path("edgeType").asText("next");
            JsonNode ci = e.path("data").get("caseIndex");
            String key = ci != null && ci.canConvertToInt() && !type.equals("else") && !type.equals("fail")
                    ? "case:" + ci.asInt() : type;
            jumps.computeIfAbsent(name(src), x -> new LinkedHashMap<>()).computeIfAbsent(key, x -> new ArrayList<>()).add(new String[]{tgt, p});
        }
        List<YNode.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Integer> en : index.entrySet()) {
            int i = en.getValue();
            entries.add(node(nodes.get(i), nodesPath + "[" + i + "]", jumps.getOrDefault(name(en.getKey()), Map.of())));
        }
        return new YNode.Map(entries, SourcePos.START, nodesPath, false);
    }

    private YNode.Entry node(JsonNode n, String p, Map<String, List<String[]>> jumps) {
        String id = n.path("id").asText("");
        JsonNode data = n.path("data");
        String dp = p + ".data";
        String type = nodeType(n);
        List<YNode.Entry> keys = new ArrayList<>();
        // the generated graph labels unnamed nodes with their id (EditorGraphWriter): that is no name
        if (!id.equals(data.path("label").asText(null))) addText(keys, "name", data.get("label"), dp + ".label");
        addText(keys, "desp", data.get("description"), dp + ".description");
        switch (type) {
            case "exec" -> {
                required(keys, "exec", data, dp);
                for (String k : List.of("args", "with", "sets", "only")) addText(keys, k, data.get(k), dp + "." + k);
                jump(keys, "next", jumps, null, dp);
                jump(keys, "fail", jumps, data.get("fail"), dp);
            }
            case "mapping" -> {
                required(keys, "with", data, dp);
                for (String k : List.of("sets", "only")) addText(keys, k, data.get(k), dp + "." + k);
                jump(keys, "next", jumps, null, dp);
                jump(keys, "fail", jumps, data.get("fail"), dp);
            }
            case "condition" -> {
                required(keys, "when", data, dp);
                YNode then = jumpList(jumps.get("then"), null, dp + ".then");
                keys.add(entry("then", then == null ? scalar("", dp + ".then") : then, dp + ".then"));
                jump(keys, "else", jumps, null, dp);
            }
            case "switch" -> {
                List<JsonNode> cases = list(data.get("cases"));
                List<YNode> items = new ArrayList<>();
                for (int k = 0; k < cases.size(); k++) {
                    JsonNode c = cases.get(k);
                    String cp = dp + ".cases[" + k + "]";
                    List<YNode.Entry> ce = new ArrayList<>();
                    ce.add(entry("when", scalar(text(c.get("when")), cp + ".when"), cp + ".when"));
                    YNode then = jumpList(jumps.get("case:" + k), c.get("then"), cp + ".then");
                    ce.add(entry("then", then == null ? scalar("", cp + ".then") : then, cp + ".then"));
                    items.add(new YNode.Map(ce, SourcePos.START, cp, false));
                }
                keys.add(entry("case", new YNode.Seq(items, SourcePos.START, dp + ".cases", false), dp + ".cases"));
                jump(keys, "else", jumps, null, dp);
            }
            case "delay" -> {
                JsonNode w = data.get("wait");
                YNode.Scalar ws = w != null && w.isNumber()
                        ? new YNode.Scalar(w.asText(), YNode.Style.JSON_NUMBER, SourcePos.START, dp + ".wait", null)
                        : scalar(text(w), dp + ".wait");
                keys.add(entry("wait", ws, dp + ".wait"));
                addText(keys, "only", data.get("only"), dp + ".only");
                jump(keys, "next", jumps, null, dp);
            }
            case "each", "loop" -> {
                if (type.equals("each")) required(keys, "each", data, dp);
                if (type.equals("loop")) {
                    required(keys, "vars", data, dp);
                    required(keys, "when", data, dp);
                } else {
                    addText(keys, "vars", data.get("vars"), dp + ".vars");
                }
                addText(keys, "with", data.get("outputWith"), dp + ".outputWith");
                for (String k : List.of("sets", "only")) addText(keys, k, data.get(k), dp + "." + k);
                keys.add(entry("node", block(list(data.get("subFlowNodes")), list(data.get("subFlowEdges")),
                        dp + ".subFlowNodes", dp + ".subFlowEdges"), dp + ".subFlowNodes"));
                jump(keys, "next", jumps, null, dp);
                jump(keys, "fail", jumps, data.get("fail"), dp);
            }
            default -> {
                if (RESERVED.contains(type)) keys.add(entry(type, scalar("", dp + ".nodeType"), dp + ".nodeType"));
                // anything else has no kind key: the builder reports KIND_UNKNOWN
            }
        }
        return new YNode.Entry(new YNode.Scalar(name(id), YNode.Style.JSON_STRING, SourcePos.START, p, null),
                new YNode.Map(keys, SourcePos.START, dp, false));
    }

    private void required(List<YNode.Entry> keys, String key, JsonNode data, String dp) {
        keys.add(entry(key, scalar(text(data.get(key)), dp + "." + key), dp + "." + key));
    }

    private void jump(List<YNode.Entry> keys, String key, Map<String, List<String[]>> jumps, JsonNode extra, String dp) {
        YNode list = jumpList(jumps.get(key), extra, dp + "." + key);
        if (list != null) keys.add(entry(key, list, dp + "." + key));
    }

    /** Targets from edges plus an optional comma list in data; repeated targets are merged. */
    private YNode jumpList(List<String[]> fromEdges, JsonNode extra, String path) {
        List<YNode> items = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (extra != null && extra.isTextual()) {
            for (String t : extra.asText().split(",")) {
                if (!t.isBlank() && seen.add(name(t.strip()))) items.add(scalar(name(t.strip()), path));
            }
        } else if (extra != null && extra.isArray()) {
            for (JsonNode t : extra) {
                String n = name(t.asText().strip());
                if (!n.isBlank() && seen.add(n)) items.add(scalar(n, path));
            }
        }
        if (fromEdges != null) {
            for (String[] e : fromEdges) if (seen.add(e[0])) items.add(scalar(e[0], e[1]));
        }
        return items.isEmpty() ? null : new YNode.Seq(items, SourcePos.START, path, false);
    }

    // ---------------------------------------------------------------- helpers

    private static String nodeType(JsonNode n) {
        String t = n.path("data").path("nodeType").asText("");
        return t.isEmpty() ? n.path("type").asText("") : t;
    }

    private static List<JsonNode> list(JsonNode n) {
        List<JsonNode> l = new ArrayList<>();
        if (n != null && n.isArray()) n.forEach(l::add);
        return l;
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return "";
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static void addText(List<YNode.Entry> entries, String key, JsonNode v, String path) {
        if (v == null || v.isNull() || v.isMissingNode() || (v.isTextual() && v.asText().isBlank())) return;
        entries.add(entry(key, scalar(text(v), path), path));
    }

    private static YNode.Scalar scalar(String text, String path) {
        return new YNode.Scalar(text, YNode.Style.JSON_STRING, SourcePos.START, path, () -> SourceMap.identity(text));
    }

    private static YNode.Entry entry(String key, YNode value, String path) {
        return new YNode.Entry(new YNode.Scalar(key, YNode.Style.JSON_STRING, SourcePos.START, path, null), value);
    }
}
