package io.fdl.runtime.fdl;

import io.fdl.runtime.gml.Gml;
import io.fdl.runtime.gml.GmlException;
import io.fdl.runtime.gml.GmlScript;
import io.fdl.runtime.gml.GmlScript.ScriptItem;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Flow} model from a {@link YNode} tree and performs the save-time validation of
 * fdl.md §12, reporting every problem found. Used for YAML and (through the same tree shape) for the
 * editor's JSON graph. The model it returns is only meaningful when no error was reported.
 */
final class FlowBuilder {

    static final Set<String> RESERVED_NODE_KEYS = Set.of("agent", "mcp", "guard", "approval", "handoff", "oss", "mq",
            "mail", "sms", "service");

    private static final Map<Node.Kind, Set<String>> REQUIRED = Map.of(
            Node.Kind.TOOL_CALL, Set.of("exec"),
            Node.Kind.MAPPING, Set.of("with"),
            Node.Kind.CONDITION, Set.of("when", "then"),
            Node.Kind.CASE, Set.of("case"),
            Node.Kind.WAIT, Set.of("wait"),
            Node.Kind.EACH, Set.of("each", "node"),
            Node.Kind.LOOP, Set.of("vars", "when", "node"));

    private static final Map<Node.Kind, Set<String>> OPTIONAL = Map.of(
            Node.Kind.TOOL_CALL, Set.of("args", "with", "sets", "only", "next", "fail"),
            Node.Kind.MAPPING, Set.of("sets", "only", "next", "fail"),
            Node.Kind.CONDITION, Set.of("else"),
            Node.Kind.CASE, Set.of("else"),
            Node.Kind.WAIT, Set.of("only", "next"),
            Node.Kind.EACH, Set.of("vars", "with", "sets", "only", "next", "fail"),
            Node.Kind.LOOP, Set.of("with", "sets", "only", "next", "fail"));

    private final Diagnostics d;
    private final ValidationOptions opts;
    private final boolean yaml;
    private final Set<String> allIds = new HashSet<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private final List<BlockCtx> blocks = new ArrayList<>();
    private final Map<String, RecordDef> defs = new LinkedHashMap<>();
    private int nodeCount;
    private boolean nodeLimitReported;

    FlowBuilder(Diagnostics d, ValidationOptions opts, boolean yaml) {
        this.d = d;
        this.opts = opts;
        this.yaml = yaml;
    }

    private record Jump(String key, String target, SourcePos pos, String path) {}

    private record NodeJumps(String id, List<Jump> jumps) {}

    private static final class BlockCtx {
        final Set<String> ids = new LinkedHashSet<>();
        final List<NodeJumps> jumps = new ArrayList<>();
        final Map<String, Scope.Name> names = new HashMap<>();
    }

    // ------------------------------------------------------------------ flow

    Flow build(YNode root) {
        if (!(root instanceof YNode.Map rm) || rm.entries().size() != 1 || !rm.entries().get(0).key().value().equals("flow")) {
            String got = root instanceof YNode.Map rm2 && !rm2.entries().isEmpty()
                    ? "keys " + rm2.entries().stream().map(e -> "'" + e.key().value() + "'").toList()
                    : root == null ? "an empty document" : "a " + kindOf(root);
            d.error("DOC_SHAPE", "the document must be a map with the single key 'flow', got " + got,
                    root == null ? SourcePos.START : root.pos(), null, null);
            return null;
        }
        YNode.Entry flowEntry = rm.entries().get(0);
        if (!(flowEntry.value() instanceof YNode.Map fm)) {
            d.error("DOC_SHAPE", "'flow' must be a map", flowEntry.value().pos(), null, "flow");
            return null;
        }
        for (YNode.Entry e : fm.entries()) {
            String k = e.key().value();
            if (!k.startsWith("x-") && !Set.of("name", "desp", "args", "vars", "node").contains(k)) {
                d.error("DOC_SHAPE", "unknown key '" + k + "' in flow (allowed: name, desp, args, vars, node, x-…)",
                        e.key().pos(), null, e.key().path());
            }
        }
        String name = text(fm.get("name"), null);
        if (name == null || name.isBlank()) {
            YNode n = fm.get("name");
            d.error("DOC_SHAPE", "flow.name is required and must be a non-empty text", n == null ? flowEntry.key().pos() : n.pos(),
                    null, path(fm, "name"));
        }
        String desp = text(fm.get("desp"), null);

        Scope top = new Scope(null);
        top.declare("tenantId", new Scope.Name(Scope.Kind.BUILTIN, null));
        top.declare("buCode", new Scope.Name(Scope.Kind.BUILTIN, null));
        Args args = args(fm.get("args"), top);

        Script vars = null;
        YNode varsNode = fm.get("vars");
        if (varsNode != null && !isEmpty(varsNode)) {
            vars = gml("vars", varsNode, null);
            if (vars != null) {
                assignmentsOnly(vars, "vars", null, varsNode.path());
                declareVars(vars, top, Scope.Kind.FLOW_VAR, null, varsNode.path());
                Script v = vars;
                deferred.add(() -> readsNoValue(v, top, null, varsNode.path()));
            }
        }

        YNode nodeVal = fm.get("node");
        Block block = null;
        if (nodeVal == null || isEmpty(nodeVal)) {
            d.error("DOC_SHAPE", "flow.node is required and must hold at least one node",
                    nodeVal == null ? flowEntry.key().pos() : nodeVal.pos(), null, path(fm, "node"));
        } else {
            block = block(nodeVal, top, 0);
        }
        deferred.forEach(Runnable::run);
        for (BlockCtx b : blocks) checkJumps(b);
        if (block == null) return null;
        return new Flow(name == null ? "" : name, desp, args, vars, block, flowEntry.key().pos());
    }

    // ------------------------------------------------------------------ args

    private Args args(YNode node, Scope top) {
        if (node == null || isEmpty(node)) return Args.EMPTY;
        if (!(node instanceof YNode.Map am)) {
            d.error("DOC_SHAPE", "flow.args must be a map with defs, in and out", node.pos(), null, node.path());
            return Args.EMPTY;
        }
        for (YNode.Entry e : am.entries()) {
            String k = e.key().value();
            if (!k.startsWith("x-") && !Set.of("defs", "in", "out").contains(k)) {
                d.error("DOC_SHAPE", "unknown key '" + k + "' in args (allowed: defs, in, out, x-…)", e.key().pos(), null,
                        e.key().path());
            }
        }
        // defs first: in and out refer to them
        List<Runnable> typeChecks = new ArrayList<>();
        YNode defsNode = am.get("defs");
        if (defsNode != null && !isEmpty(defsNode)) {
            if (!(defsNode instanceof YNode.Map dm)) {
                d.error("DOC_SHAPE", "args.defs must be a map of record types", defsNode.pos(), null, defsNode.path());
            } else {
                for (YNode.Entry e : dm.entries()) {
                    String tn = e.key().value();
                    if (!Names.IDENT.matcher(tn).matches() || TypeParser.BASE_NAMES.contains(tn)) {
                        d.error("TYPE_INVALID", "invalid type name '" + tn + "': an identifier that is not a base type or alias",
                                e.key().pos(), null, e.key().path());
                    }
                    if (!(e.value() instanceof YNode.Map fields)) {
                        d.error("DOC_SHAPE", "record type '" + tn + "' must be a map of field: type", e.value().pos(), null,
                                e.value().path());
                        continue;
                    }
                    List<FieldDecl> fl = fieldDecls(fields, "defs", typeChecks);
                    defs.put(tn, new RecordDef(tn, fl, e.key().pos()));
                }
            }
        }
        List<InputDecl> inputs = new ArrayList<>();
        YNode inNode = am.get("in");
        if (inNode != null && !isEmpty(inNode)) {
            if (!(inNode instanceof YNode.Map im)) {
                d.error("DOC_SHAPE", "args.in must be a map of name: typeSpec", inNode.pos(), null, inNode.path());
            } else {
                for (YNode.Entry e : im.entries()) {
                    InputDecl in = input(e, typeChecks);
                    if (in == null) continue;
                    inputs.add(in);
                    if (!in.name().equals("tenantId") && !in.name().equals("buCode")) {
                        String conflict = top.declare(in.name(), new Scope.Name(Scope.Kind.INPUT, null));
                        if (conflict != null) d.error("NAME_CONFLICT", conflict, e.key().pos(), null, e.key().path());
                    }
                }
            }
        }
        OutSpec out = OutSpec.Absent.INSTANCE;
        YNode outNode = am.get("out");
        if (outNode != null && !isEmpty(outNode)) {
            if (outNode instanceof YNode.Map om) {
                out = new OutSpec.Fields(fieldDecls(om, "out", typeChecks), outNode.pos());
            } else if (outNode instanceof YNode.Scalar os) {
                if (TypeParser.defaultSplit(os.value()) >= 0) {
                    d.error("TYPE_INVALID", "'out' takes no default", os.pos(), null, os.path());
                } else {
                    TypeRef t = type(os, os.value(), 0, typeChecks);
                    if (t != null) out = new OutSpec.Type(t, os.pos());
                }
            } else {
                d.error("DOC_SHAPE", "args.out must be a type or a map of field: type", outNode.pos(), null, outNode.path());
            }
        }
        typeChecks.forEach(Runnable::run);
        return new Args(defs, inputs, out);
    }

    private List<FieldDecl> fieldDecls(YNode.Map fields, String where, List<Runnable> typeChecks) {
        List<FieldDecl> fl = new ArrayList<>();
        for (YNode.Entry f : fields.entries()) {
            String fname = f.key().value();
            if (!Names.isField(fname)) {
                d.error("NAME_INVALID", "invalid field name: " + Names.why(fname, true), f.key().pos(), null, f.key().path());
            }
            if (!(f.value() instanceof YNode.Scalar fs) || fs.value().isBlank()) {
                d.error(f.value() instanceof YNode.Scalar ? "TYPE_INVALID" : "DOC_SHAPE",
                        "field '" + fname + "' needs a type", f.value().pos(), null, f.value().path());
                continue;
            }
            if (TypeParser.defaultSplit(fs.value()) >= 0) {
                d.error("TYPE_INVALID", "fields of '" + where + "' take no default", fs.pos(), null, fs.path());
                continue;
            }
            TypeRef t = type(fs, fs.value(), 0, typeChecks);
            if (t != null) fl.add(new FieldDecl(fname, t, f.key().pos()));
        }
        return fl;
    }

    /** Reads one input (fdl.md §3.3 rules 1–3). */
    private InputDecl input(YNode.Entry e, List<Runnable> typeChecks) {
        String name = e.key().value();
        if (!Names.isField(name)) {
            d.error("NAME_INVALID", "invalid input name: " + Names.why(name, true), e.key().pos(), null, e.key().path());
        }
        if (!(e.value() instanceof YNode.Scalar s)) {
            d.error("DOC_SHAPE", "input '" + name + "' must be a type, a default or 'type = default'", e.value().pos(), null,
                    e.value().path());
            return null;
        }
        String field = "in." + name;
        if (isNullish(s)) {
            d.error("TYPE_INVALID", "input '" + name + "' has an empty declaration", s.pos(), null, s.path());
            return null;
        }
        if (isNumberOrBool(s)) { // rule 1: a literal default of type any
            Script def = compile(field, s.value(), s.sourceMap(), null, s.path());
            return def == null ? null : new InputDecl(name, TypeRef.Prim.ANY, def, false, e.key().pos());
        }
        String v = s.value();
        int eq = TypeParser.defaultSplit(v);
        if (eq >= 0) { // rule 2
            String typeText = v.substring(0, eq);
            TypeRef t = type(s, typeText, 0, typeChecks);
            String defText = v.substring(eq + 1);
            int lead = 0;
            while (lead < defText.length() && Character.isWhitespace(defText.charAt(lead))) lead++;
            String trimmed = defText.substring(lead).stripTrailing();
            if (trimmed.isEmpty()) {
                d.error("TYPE_INVALID", "input '" + name + "': missing default after '='", s.sourceMap().at(cp(v, eq)), null, s.path());
                return null;
            }
            int from = cp(v, eq + 1 + lead);
            Script def = compile(field, trimmed, s.sourceMap().sub(trimmed, from), null, s.path());
            if (t == null || def == null) return null;
            return new InputDecl(name, t, def, false, e.key().pos());
        }
        // rule 3: a type (unknown names are errors); `T??` is a type with a doubled '?', `a ?? b` an expression
        if (TypeParser.isTypeSyntax(v) || (v.contains("??") && TypeParser.isTypeSyntax(v.replace("??", "?")))) {
            TypeRef t = type(s, v, 0, typeChecks);
            if (t == null) return null;
            return new InputDecl(name, t, null, !(t instanceof TypeRef.Nullable), e.key().pos());
        }
        Script def = compile(field, v, s.sourceMap(), null, s.path());
        return def == null ? null : new InputDecl(name, TypeRef.Prim.ANY, def, false, e.key().pos());
    }

    /** Parses a type text found at char offset {@code offset} of the scalar; named types checked later. */
    private TypeRef type(YNode.Scalar s, String text, int offset, List<Runnable> typeChecks) {
        try {
            TypeRef t = TypeParser.parse(text);
            typeChecks.add(() -> checkNamed(t, s));
            return t;
        } catch (TypeParser.TypeSyntaxException ex) {
            d.error("TYPE_INVALID", "bad type '" + text.strip() + "': " + ex.getMessage(),
                    s.sourceMap().at(cp(s.value(), offset + ex.offset)), null, s.path());
            return null;
        }
    }

    private void checkNamed(TypeRef t, YNode.Scalar s) {
        if (t instanceof TypeRef.Named n && !defs.containsKey(n.name())) {
            int at = s.value().indexOf(n.name());
            d.error("TYPE_INVALID", "unknown type '" + n.name() + "' (declare it in args.defs)",
                    s.sourceMap().at(cp(s.value(), Math.max(0, at))), null, s.path());
        } else if (t instanceof TypeRef.ArrayOf a) {
            checkNamed(a.element(), s);
        } else if (t instanceof TypeRef.Nullable nl) {
            checkNamed(nl.inner(), s);
        } else if (t instanceof TypeRef.MapOf m) {
            checkNamed(m.value(), s);
        }
    }

    // ------------------------------------------------------------------ blocks

    private Block block(YNode value, Scope scope, int depth) {
        if (!(value instanceof YNode.Map bm)) {
            d.error("DOC_SHAPE", "'node' must be a map of node id: node", value.pos(), null, value.path());
            return null;
        }
        BlockCtx ctx = new BlockCtx();
        blocks.add(ctx);
        for (YNode.Entry e : bm.entries()) {
            String id = e.key().value();
            SourcePos p = e.key().pos();
            if (++nodeCount > opts.limits().maxNodes() && !nodeLimitReported) {
                nodeLimitReported = true;
                d.error("LIMIT", "more than " + opts.limits().maxNodes() + " nodes in the document", p, id, e.key().path());
            }
            if (!Names.isIdent(id)) {
                d.error("NAME_INVALID", "invalid node id: " + Names.why(id, false), p, id, e.key().path());
            }
            ctx.ids.add(id);
            if (!allIds.add(id)) {
                d.error("NAME_DUPLICATE", "node id '" + id + "' is used more than once in the document", p, id, e.key().path());
                continue;
            }
            Scope.Name info = new Scope.Name(Scope.Kind.NODE, id);
            String conflict = scope.declare(id, info);
            if (conflict != null) d.error("NAME_CONFLICT", conflict, p, id, e.key().path());
            ctx.names.put(id, info);
        }
        List<Node> nodes = new ArrayList<>();
        for (YNode.Entry e : bm.entries()) {
            Node n = node(e, scope, depth, ctx);
            if (n != null) {
                nodes.add(n);
                Scope.Name info = ctx.names.get(n.id());
                if (info != null) {
                    info.hasValue = n.publishesValue();
                    info.nodeKind = kindName(n.kind()) + (n instanceof Node.Each || n instanceof Node.Loop ? " without 'with'" : "");
                }
            }
        }
        return new Block(nodes);
    }

    private Node node(YNode.Entry entry, Scope scope, int depth, BlockCtx ctx) {
        String id = entry.key().value();
        SourcePos pos = entry.key().pos();
        if (!(entry.value() instanceof YNode.Map m)) {
            d.error("DOC_SHAPE", "node '" + id + "' must be a map of keys", entry.value().pos(), id, entry.value().path());
            return null;
        }
        for (YNode.Entry e : m.entries()) {
            if (RESERVED_NODE_KEYS.contains(e.key().value())) {
                d.error("KIND_UNSUPPORTED", "node kind '" + e.key().value() + "' is reserved for extensions and not available",
                        e.key().pos(), id, e.key().path());
                return null;
            }
        }
        Node.Kind kind = kind(m, id, pos, entry.key().path());
        if (kind == null) return null;
        boolean keysOk = true;
        for (YNode.Entry e : m.entries()) {
            String k = e.key().value();
            if (k.startsWith("x-") || k.equals("name") || k.equals("desp")) continue;
            if (!REQUIRED.get(kind).contains(k) && !OPTIONAL.get(kind).contains(k)) {
                d.error("KEY_NOT_ALLOWED", "key '" + k + "' is not allowed on a " + kindName(kind) + " node", e.key().pos(), id,
                        e.key().path());
            }
        }
        for (String req : REQUIRED.get(kind)) {
            YNode v = m.get(req);
            if (v == null || isEmpty(v)) {
                d.error("KEY_MISSING", "a " + kindName(kind) + " node needs '" + req + "'", v == null ? pos : v.pos(), id,
                        v == null ? path(m, req) : v.path());
                keysOk = false;
            }
        }
        String name = text(m.get("name"), id);
        String desp = text(m.get("desp"), id);
        List<Jump> jumps = new ArrayList<>();
        ctx.jumps.add(new NodeJumps(id, jumps));
        List<String> next = jumps(m, "next", id, jumps);
        List<String> fail = jumps(m, "fail", id, jumps);
        switch (kind) {
            case TOOL_CALL -> {
                ExecUri exec = exec(m.get("exec"), id);
                Script args = field(m, "args", id, scope);
                Script sets = sets(m, id, scope);
                Script with = field(m, "with", id, scope);
                Script only = field(m, "only", id, scope);
                return new Node.ToolCall(id, name, desp, pos, exec, args, with, sets, only, next, fail);
            }
            case MAPPING -> {
                Script sets = sets(m, id, scope);
                Script with = field(m, "with", id, scope);
                Script only = field(m, "only", id, scope);
                return new Node.Mapping(id, name, desp, pos, with, sets, only, next, fail);
            }
            case CONDITION -> {
                Script when = field(m, "when", id, scope);
                List<String> then = jumps(m, "then", id, jumps);
                List<String> els = jumps(m, "else", id, jumps);
                return new Node.Condition(id, name, desp, pos, when, then, els);
            }
            case CASE -> {
                List<Node.CaseEntry> entries = caseEntries(m.get("case"), id, scope, jumps);
                List<String> els = jumps(m, "else", id, jumps);
                return new Node.Case(id, name, desp, pos, entries, els);
            }
            case WAIT -> {
                long ms = keysOk ? waitMs(m.get("wait"), id) : 0;
                Script only = field(m, "only", id, scope);
                return new Node.Wait(id, name, desp, pos, ms, only, next);
            }
            case EACH -> {
                Script only = field(m, "only", id, scope);
                Node.EachSource src = keysOk ? eachSource((YNode) m.get("each"), id, scope) : null;
                Scope eachScope = new Scope(scope);
                Script vars = blockVars(m.get("vars"), id, scope, eachScope);
                Scope iter = new Scope(eachScope);
                if (src != null) {
                    declare(iter, src.alias(), Scope.Kind.ALIAS, id, src.pos(), m.get("each").path());
                    if (src.index() != null) declare(iter, src.index(), Scope.Kind.INDEX, id, src.pos(), m.get("each").path());
                }
                Block body = body(m.get("node"), iter, depth, id, pos, entry.key().path());
                Script sets = sets(m, id, eachScope);
                Script with = field(m, "with", id, eachScope);
                return new Node.Each(id, name, desp, pos, src, vars, body, with, sets, only, next, fail);
            }
            case LOOP -> {
                Script only = field(m, "only", id, scope);
                Scope loopScope = new Scope(scope);
                Script vars = blockVars(m.get("vars"), id, scope, loopScope);
                Script when = field(m, "when", id, loopScope);
                Block body = body(m.get("node"), new Scope(loopScope), depth, id, pos, entry.key().path());
                Script sets = sets(m, id, loopScope);
                Script with = field(m, "with", id, loopScope);
                return new Node.Loop(id, name, desp, pos, vars, when, body, with, sets, only, next, fail);
            }
        }
        return null;
    }

    private Block body(YNode value, Scope iter, int depth, String id, SourcePos pos, String path) {
        if (value == null || isEmpty(value)) return null;
        if (depth + 1 > opts.limits().maxNesting()) {
            d.error("LIMIT", "each/loop blocks nested deeper than " + opts.limits().maxNesting() + " levels", pos, id, path);
            return null;
        }
        return block(value, iter, depth + 1);
    }

    private Node.Kind kind(YNode.Map m, String id, SourcePos pos, String path) {
        boolean exec = m.get("exec") != null, each = m.get("each") != null, node = m.get("node") != null,
                cas = m.get("case") != null, wait = m.get("wait") != null, when = m.get("when") != null,
                with = m.get("with") != null;
        List<Node.Kind> kinds = new ArrayList<>();
        if (exec) kinds.add(Node.Kind.TOOL_CALL);
        if (each) kinds.add(Node.Kind.EACH);
        if (node && !each) kinds.add(Node.Kind.LOOP);
        if (cas) kinds.add(Node.Kind.CASE);
        if (wait) kinds.add(Node.Kind.WAIT);
        if (when && !node) kinds.add(Node.Kind.CONDITION);
        if (with && !exec && !each && !node && !cas && !wait && !when) kinds.add(Node.Kind.MAPPING);
        if (kinds.isEmpty()) {
            d.error("KIND_UNKNOWN", "cannot tell the kind of node '" + id + "': it needs one of exec, with, when, case, wait, "
                    + "each or node", pos, id, path);
            return null;
        }
        if (kinds.size() > 1) {
            d.error("KIND_AMBIGUOUS", "node '" + id + "' matches several kinds: "
                    + String.join(", ", kinds.stream().map(FlowBuilder::kindName).toList()), pos, id, path);
            return null;
        }
        return kinds.get(0);
    }

    static String kindName(Node.Kind k) {
        return switch (k) {
            case TOOL_CALL -> "tool call";
            case MAPPING -> "mapping";
            case CONDITION -> "condition";
            case CASE -> "case";
            case WAIT -> "wait";
            case EACH -> "each";
            case LOOP -> "loop";
        };
    }

    // ------------------------------------------------------------------ fields

    /** An optional or required GML field; empty counts as absent (required ones are reported by the key check). */
    private Script field(YNode.Map m, String key, String id, Scope scope) {
        YNode v = m.get(key);
        if (v == null || isEmpty(v)) return null;
        Script s = gml(key, v, id);
        if (s != null) deferred.add(() -> readsNoValue(s, scope, id, v.path()));
        return s;
    }

    private Script sets(YNode.Map m, String id, Scope scope) {
        YNode v = m.get("sets");
        Script s = field(m, "sets", id, scope);
        if (s == null) return null;
        assignmentsOnly(s, "sets", id, v.path());
        deferred.add(() -> {
            for (ScriptItem item : s.compiled().items()) {
                if (item.kind() != ScriptItem.Kind.ASSIGN) continue;
                Scope.Name n = scope.lookup(item.name());
                if (n == null || (n.kind != Scope.Kind.FLOW_VAR && n.kind != Scope.Kind.BLOCK_VAR)) {
                    d.error("SETS_TARGET", "sets: '" + item.name() + "' is not a variable in scope"
                                    + (n == null ? " (declare it in flow vars or an each/loop vars)" : " (it is a " + n.describe() + ")"),
                            s.locate(item.line(), item.column()), id, v.path());
                }
            }
        });
        return s;
    }

    /** Each/loop {@code vars}: evaluated in the enclosing scope, declared in the node's own scope. */
    private Script blockVars(YNode v, String id, Scope evalScope, Scope declScope) {
        if (v == null || isEmpty(v)) return null;
        Script s = gml("vars", v, id);
        if (s == null) return null;
        assignmentsOnly(s, "vars", id, v.path());
        declareVars(s, declScope, Scope.Kind.BLOCK_VAR, id, v.path());
        deferred.add(() -> readsNoValue(s, evalScope, id, v.path()));
        return s;
    }

    private void declareVars(Script s, Scope scope, Scope.Kind kind, String id, String path) {
        Set<String> seen = new HashSet<>();
        for (ScriptItem item : s.compiled().items()) {
            if (item.kind() != ScriptItem.Kind.ASSIGN || !seen.add(item.name())) continue;
            SourcePos p = s.locate(item.line(), item.column());
            if (!Names.isIdent(item.name())) {
                d.error("NAME_INVALID", "invalid variable name: " + Names.why(item.name(), false), p, id, path);
                continue;
            }
            String conflict = scope.declare(item.name(), new Scope.Name(kind, id));
            if (conflict != null) d.error("NAME_CONFLICT", conflict, p, id, path);
        }
    }

    private void declare(Scope scope, String name, Scope.Kind kind, String id, SourcePos p, String path) {
        String conflict = scope.declare(name, new Scope.Name(kind, id));
        if (conflict != null) d.error("NAME_CONFLICT", conflict, p, id, path);
    }

    private void assignmentsOnly(Script s, String field, String id, String path) {
        for (ScriptItem item : s.compiled().items()) {
            if (item.kind() == ScriptItem.Kind.ASSIGN || item.kind() == ScriptItem.Kind.TEMP) continue;
            String what = switch (item.kind()) {
                case RETURN -> "'return'";
                case SPREAD -> "a spread (...)";
                case COMPACT -> "a bare name '" + item.name() + "'";
                default -> "an expression";
            };
            d.error("GML_FORM", "'" + field + "' may only contain assignments (name = expr), found " + what,
                    s.locate(item.line(), item.column()), id, path);
        }
    }

    private void readsNoValue(Script s, Scope scope, String id, String path) {
        for (String name : s.compiled().freeNames()) {
            Scope.Name n = scope.lookup(name);
            if (n != null && n.kind == Scope.Kind.NODE && !n.hasValue) {
                d.warning("READS_NO_VALUE", "'" + name + "' is a " + n.nodeKind + " node and publishes no value: it reads as null",
                        s.pos(), id, path);
            }
        }
    }

    /** A GML field: the scalar's text is compiled (non-string scalars as their text, §2.3). */
    private Script gml(String field, YNode v, String id) {
        if (!(v instanceof YNode.Scalar s)) {
            d.error("DOC_SHAPE", "'" + field + "' must be GML text, not a YAML " + kindOf(v) + " (use a | block)", v.pos(), id,
                    v.path());
            return null;
        }
        Script script = compile(field, s.value(), s.sourceMap(), id, s.path());
        if (script != null && yaml && opts.style() && !s.value().strip().contains("\n")
                && s.style() != YNode.Style.LITERAL && s.style() != YNode.Style.FOLDED
                && (script.compiled().items().size() >= 5 || s.value().strip().length() >= 80)) {
            d.warning("STYLE", "long GML on one line: use a | block", s.pos(), id, s.path());
        }
        return script;
    }

    private Script compile(String field, String text, SourceMap map, String id, String path) {
        try {
            GmlScript g = Gml.compile(text, opts.limits().gml());
            return new Script(field, text, g, map.start(), map);
        } catch (GmlException e) {
            String msg = documentPositions(e.getMessage(), map);
            if (looksLikeProse(text)) msg += " — if this is text, quote it as a GML string: \"'" + text.strip() + "'\"";
            d.error("GML_SYNTAX", "'" + field + "': " + msg, map.map(e.line(), e.column()), id, path);
        } catch (StackOverflowError e) {
            d.error("GML_SYNTAX", "'" + field + "': expression nested too deeply", map.start(), id, path);
        } catch (RuntimeException e) {
            d.error("GML_SYNTAX", "'" + field + "': cannot compile: " + e.getMessage(), map.start(), id, path);
        }
        return null;
    }

    private static final java.util.regex.Pattern AT_POS = java.util.regex.Pattern.compile("\\bat (\\d+):(\\d+)");

    /** GML messages cite positions inside the script ("at 3:5"); rewrite them as document positions. */
    private static String documentPositions(String message, SourceMap map) {
        if (message == null) return "invalid GML";
        java.util.regex.Matcher m = AT_POS.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            SourcePos p;
            try {
                p = map.map(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (NumberFormatException e) {
                continue;
            }
            m.appendReplacement(sb, map.isExact() ? "at " + p.line() + ":" + p.column() : "$0 of the text");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static boolean looksLikeProse(String text) {
        String t = text.strip();
        return t.contains(" ") && t.matches("[\\p{L}][\\p{L}\\p{N} ,.!?;:'’-]*");
    }

    // ------------------------------------------------------------------ kinds' special values

    private ExecUri exec(YNode v, String id) {
        if (v == null || isEmpty(v)) return null;
        if (!(v instanceof YNode.Scalar s)) {
            d.error("DOC_SHAPE", "'exec' must be a URI text", v.pos(), id, v.path());
            return null;
        }
        String text = s.value().strip();
        int lead = s.value().indexOf(text.isEmpty() ? " " : text.substring(0, 1));
        SourceMap map = s.sourceMap().sub(text, cp(s.value(), Math.max(0, lead)));
        ExecUri uri = ExecUriParser.parse(text, s.pos(), opts.limits(), new ExecUriParser.Sink() {
            @Override
            public void error(String message, int offset) {
                d.error("EXEC_URI", message, map.at(cp(text, offset)), id, s.path());
            }

            @Override
            public Script compile(String expression, int offset) {
                Script sc = FlowBuilder.this.compile("exec", expression, map.sub(expression, cp(text, offset)), id, s.path());
                if (sc == null) return null;
                List<ScriptItem> items = sc.compiled().items();
                if (items.size() != 1 || (items.get(0).kind() != ScriptItem.Kind.EXPRESSION
                        && items.get(0).kind() != ScriptItem.Kind.COMPACT)) {
                    d.error("EXEC_URI", "'${…}' must hold exactly one expression", map.at(cp(text, offset)), id, s.path());
                    return null;
                }
                return sc;
            }
        });
        if (uri != null && opts.knownTools() != null && !uri.service().hasInterpolation()) {
            String svc = uri.service().text();
            String key = uri.type().scheme() + "://" + svc;
            boolean known = opts.knownTools().isRegistered(key);
            if (!known && uri.type() == ExecUri.ToolType.DB && svc.contains(".") && !uri.path().text().contains("/")) {
                known = opts.knownTools().isRegistered("db://" + svc.substring(0, svc.lastIndexOf('.')));
            }
            if (!known) {
                d.warning("UNKNOWN_TOOL", "'" + key + "' is not registered for this tenant", s.pos(), id, s.path());
            }
        }
        return uri;
    }

    private long waitMs(YNode v, String id) {
        if (!(v instanceof YNode.Scalar s)) {
            d.error("WAIT_FORMAT", "'wait' must be a duration such as 500, '30s', '5m'", v.pos(), id, v.path());
            return 0;
        }
        String t = s.value().strip();
        long ms;
        java.util.regex.Matcher mt = java.util.regex.Pattern.compile("([0-9]{1,15})(ms|s|m|h|d)?").matcher(t);
        if (!mt.matches() || (s.style() == YNode.Style.PLAIN && CoreScalarResolver.FLOAT.matcher(s.value()).matches()
                && !CoreScalarResolver.INT.matcher(s.value()).matches())) {
            d.error("WAIT_FORMAT", "'wait' must be milliseconds or <digits><unit> with unit ms, s, m, h or d, got '" + t + "'",
                    s.pos(), id, s.path());
            return 0;
        }
        long n = Long.parseLong(mt.group(1));
        String unit = mt.group(2) == null ? "ms" : mt.group(2);
        long factor = switch (unit) {
            case "s" -> 1000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> 1L;
        };
        if (n > Long.MAX_VALUE / factor || n * factor > opts.limits().maxWaitMs()) {
            d.error("WAIT_FORMAT", "'wait' of " + t + " exceeds the maximum of " + opts.limits().maxWaitMs() + " ms", s.pos(), id,
                    s.path());
            return 0;
        }
        ms = n * factor;
        return ms;
    }

    private Node.EachSource eachSource(YNode v, String id, Scope scope) {
        if (!(v instanceof YNode.Scalar s)) {
            d.error("EACH_FORMAT", "'each' must be '<source> => <alias>[, <index>]'", v.pos(), id, v.path());
            return null;
        }
        String text = s.value();
        int arrow = GmlText.lastArrow(text);
        if (arrow < 0) {
            d.error("EACH_FORMAT", "'each' must be '<source> => <alias>[, <index>]' (no '=>' found)", s.pos(), id, s.path());
            return null;
        }
        String left = text.substring(0, arrow);
        String right = text.substring(arrow + 2);
        String[] names = right.split(",", -1);
        if (left.isBlank() || names.length > 2 || java.util.Arrays.stream(names).anyMatch(String::isBlank)) {
            d.error("EACH_FORMAT", "'each' must be '<source> => <alias>[, <index>]'", s.sourceMap().at(cp(text, arrow)), id,
                    s.path());
            return null;
        }
        String alias = names[0].strip();
        String index = names.length == 2 ? names[1].strip() : null;
        boolean namesOk = true;
        for (String n : names) {
            if (!Names.isIdent(n.strip())) {
                d.error("NAME_INVALID", "invalid each name: " + Names.why(n.strip(), false),
                        s.sourceMap().at(cp(text, text.indexOf(n.strip(), arrow))), id, s.path());
                namesOk = false;
            }
        }
        int lead = 0;
        while (Character.isWhitespace(left.charAt(lead))) lead++;
        String src = left.substring(lead).stripTrailing();
        Script source = compile("each", src, s.sourceMap().sub(src, cp(text, lead)), id, s.path());
        if (source == null) return null;
        List<ScriptItem> items = source.compiled().items();
        if (items.size() != 1 || (items.get(0).kind() != ScriptItem.Kind.EXPRESSION && items.get(0).kind() != ScriptItem.Kind.COMPACT)) {
            d.error("GML_FORM", "the each source must be a single expression", source.pos(), id, s.path());
            return null;
        }
        deferred.add(() -> readsNoValue(source, scope, id, s.path()));
        return namesOk ? new Node.EachSource(source, alias, index, s.pos()) : null;
    }

    private List<Node.CaseEntry> caseEntries(YNode v, String id, Scope scope, List<Jump> jumps) {
        List<Node.CaseEntry> entries = new ArrayList<>();
        if (v == null || isEmpty(v)) return entries;
        if (!(v instanceof YNode.Seq seq)) {
            d.error("CASE_FORMAT", "'case' must be a non-empty list of {when, then} entries", v.pos(), id, v.path());
            return entries;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            YNode item = seq.items().get(i);
            if (!(item instanceof YNode.Map em)) {
                d.error("CASE_FORMAT", "case entry " + i + " must be a map with exactly 'when' and 'then'", item.pos(), id,
                        item.path());
                continue;
            }
            boolean ok = true;
            for (YNode.Entry e : em.entries()) {
                String k = e.key().value();
                if (!k.equals("when") && !k.equals("then")) {
                    d.error("CASE_FORMAT", "case entry " + i + ": unexpected key '" + k + "' (only 'when' and 'then')",
                            e.key().pos(), id, e.key().path());
                    ok = false;
                }
            }
            for (String req : List.of("when", "then")) {
                YNode rv = em.get(req);
                if (rv == null || isEmpty(rv)) {
                    d.error("CASE_FORMAT", "case entry " + i + " needs '" + req + "'", rv == null ? item.pos() : rv.pos(), id,
                            rv == null ? path(em, req) : rv.path());
                    ok = false;
                }
            }
            if (!ok) continue;
            YNode wv = em.get("when");
            Script when = gml("case[" + i + "].when", wv, id);
            if (when != null) deferred.add(() -> readsNoValue(when, scope, id, wv.path()));
            List<String> then = jumps(em, "then", id, jumps);
            entries.add(new Node.CaseEntry(when, then, item.pos()));
        }
        return entries;
    }

    // ------------------------------------------------------------------ jumps

    /** Reads a jump list (one id, a comma list or a sequence), reporting JUMP_DUPLICATE. */
    private List<String> jumps(YNode.Map m, String key, String id, List<Jump> sink) {
        YNode v = m.get(key);
        List<String> ids = new ArrayList<>();
        if (v == null || isEmpty(v)) return ids;
        List<Jump> found = new ArrayList<>();
        if (v instanceof YNode.Scalar s) {
            String text = s.value();
            int start = 0;
            for (String part : text.split(",", -1)) {
                String t = part.strip();
                int off = start + Math.max(0, part.indexOf(t.isEmpty() ? " " : t));
                found.add(new Jump(key, t, s.sourceMap().at(cp(text, off)), s.path()));
                start += part.length() + 1;
            }
        } else if (v instanceof YNode.Seq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YNode.Scalar s) found.add(new Jump(key, s.value().strip(), s.pos(), s.path()));
                else d.error("DOC_SHAPE", "'" + key + "' entries must be node ids", item.pos(), id, item.path());
            }
        } else {
            d.error("DOC_SHAPE", "'" + key + "' must be a node id, a comma list or a list of ids", v.pos(), id, v.path());
        }
        for (Jump j : found) {
            if (j.target().isEmpty()) {
                d.error("DOC_SHAPE", "empty node id in '" + key + "'", j.pos(), id, j.path());
            } else if (ids.contains(j.target())) {
                d.error("JUMP_DUPLICATE", "'" + j.target() + "' appears more than once in '" + key + "'", j.pos(), id, j.path());
            } else {
                ids.add(j.target());
                sink.add(j);
            }
        }
        return ids;
    }

    private void checkJumps(BlockCtx b) {
        Map<String, List<Jump>> edges = new LinkedHashMap<>();
        for (NodeJumps nj : b.jumps) {
            List<Jump> out = edges.computeIfAbsent(nj.id(), k -> new ArrayList<>());
            for (Jump j : nj.jumps()) {
                if (b.ids.contains(j.target())) {
                    if (out.stream().noneMatch(o -> o.target().equals(j.target()))) out.add(j);
                } else if (allIds.contains(j.target())) {
                    d.error("JUMP_CROSS_LEVEL", "'" + j.target() + "' is a node of another block: jumps must stay in their block",
                            j.pos(), nj.id(), j.path());
                } else {
                    d.error("JUMP_UNKNOWN", "no node '" + j.target() + "'", j.pos(), nj.id(), j.path());
                }
            }
        }
        // iterative DFS; every back edge closes a cycle
        Map<String, Integer> color = new HashMap<>();
        for (String root : edges.keySet()) {
            if (color.getOrDefault(root, 0) != 0) continue;
            List<String> stack = new ArrayList<>();
            List<Integer> cursor = new ArrayList<>();
            stack.add(root);
            cursor.add(0);
            color.put(root, 1);
            while (!stack.isEmpty()) {
                String u = stack.get(stack.size() - 1);
                int c = cursor.get(cursor.size() - 1);
                List<Jump> out = edges.getOrDefault(u, List.of());
                if (c >= out.size()) {
                    color.put(u, 2);
                    stack.remove(stack.size() - 1);
                    cursor.remove(cursor.size() - 1);
                    continue;
                }
                cursor.set(cursor.size() - 1, c + 1);
                Jump j = out.get(c);
                String v = j.target();
                int vc = color.getOrDefault(v, 0);
                if (vc == 1) {
                    List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(v), stack.size()));
                    cycle.add(v);
                    d.error("JUMP_CYCLE", "jumps form a cycle: " + String.join(" → ", cycle)
                            + " (use a loop node for repetition)", j.pos(), u, j.path());
                } else if (vc == 0 && edges.containsKey(v)) {
                    color.put(v, 1);
                    stack.add(v);
                    cursor.add(0);
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private String text(YNode v, String id) {
        if (v == null) return null;
        if (v instanceof YNode.Scalar s) return s.value();
        d.error("DOC_SHAPE", "expected a text, got a " + kindOf(v), v.pos(), id, v.path());
        return null;
    }

    private static String path(YNode.Map m, String key) {
        return m.path().isEmpty() ? key : m.path() + "." + key;
    }

    static String kindOf(YNode n) {
        return n instanceof YNode.Map ? "map" : n instanceof YNode.Seq ? "list" : "text";
    }

    static boolean isEmpty(YNode v) {
        if (v instanceof YNode.Scalar s) {
            return s.value().isBlank() && (s.style() == YNode.Style.PLAIN || s.style() == YNode.Style.JSON_NULL
                    || s.style() == YNode.Style.JSON_STRING || s.style() == YNode.Style.LITERAL || s.style() == YNode.Style.FOLDED
                    || s.style() == YNode.Style.SINGLE_QUOTED || s.style() == YNode.Style.DOUBLE_QUOTED);
        }
        if (v instanceof YNode.Map m) return m.entries().isEmpty();
        return ((YNode.Seq) v).items().isEmpty();
    }

    static boolean isNumberOrBool(YNode.Scalar s) {
        if (s.style() == YNode.Style.JSON_NUMBER || s.style() == YNode.Style.JSON_BOOLEAN) return true;
        if (s.style() != YNode.Style.PLAIN) return false;
        String v = s.value();
        return CoreScalarResolver.INT.matcher(v).matches() || CoreScalarResolver.FLOAT.matcher(v).matches()
                || CoreScalarResolver.BOOL.matcher(v).matches();
    }

    static boolean isNullish(YNode.Scalar s) {
        if (s.style() == YNode.Style.JSON_NULL) return true;
        if (s.style() == YNode.Style.PLAIN) return s.value().isBlank() || CoreScalarResolver.NULL.matcher(s.value()).matches();
        return s.value().isBlank();
    }

    /** Code point offset of a char offset. */
    static int cp(String s, int charOffset) {
        int off = Math.max(0, Math.min(charOffset, s.length()));
        return s.codePointCount(0, off);
    }
}
