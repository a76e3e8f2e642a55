package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.fdl.Args;
import io.fdl.runtime.fdl.Block;
import io.fdl.runtime.fdl.ExecUri;
import io.fdl.runtime.fdl.Flow;
import io.fdl.runtime.fdl.Node;
import io.fdl.runtime.fdl.Script;
import io.fdl.runtime.fdl.SourcePos;
import io.fdl.runtime.gml.GmlContext;
import io.fdl.runtime.gml.GmlException;
import io.fdl.runtime.gml.GmlScript;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds flow models with Java lambdas in place of GML, so engine mechanics (scheduling, joins,
 * timers, retries, cancellation) are tested independently of the GML and YAML front ends.
 */
final class Dsl {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final ObjectMapper M = new ObjectMapper();

    private Dsl() {}

    static JsonNode json(String text) {
        try { return M.readTree(text.replace('\'', '"')); } catch (Exception e) { throw new IllegalArgumentException(e); }
    }

    static Script js(String field, Function<GmlContext, JsonNode> f) {
        GmlScript g = new GmlScript() {
            @Override public JsonNode evaluate(GmlContext c) { return f.apply(c); }
            @Override public String source() { return "<java>"; }
            @Override public List<ScriptItem> items() { return List.of(); }
            @Override public Set<String> freeNames() { return Set.of(); }
        };
        return new Script(field, "<java>", g, SourcePos.NONE, null);
    }

    static Script constant(String field, JsonNode v) { return js(field, c -> v.deepCopy()); }

    static Script read(String field, String name) { return js(field, c -> { JsonNode v = c.get(name); return v == null ? F.nullNode() : v; }); }

    static Script failing(String field, String message) {
        return js(field, c -> { throw new GmlException(GmlException.Kind.EVALUATION, message, 1, 1); });
    }

    static ExecUri uri(String service, String path, Long timeout, int attempts) {
        return new ExecUri("api://" + service + "/" + path, ExecUri.ToolType.API,
                new ExecUri.Template(List.of(new ExecUri.Part.Literal(service))),
                path.isEmpty() ? ExecUri.Template.EMPTY : new ExecUri.Template(List.of(new ExecUri.Part.Literal(path))),
                timeout, attempts, null, SourcePos.NONE);
    }

    static CompiledFlow compile(Flow flow) {
        return FlowCompiler.compile(flow, (supplied, t, b) -> {
            ObjectNode v = ((ObjectNode) supplied).deepCopy();
            v.put("tenantId", t);
            v.put("buCode", b);
            return new CompiledFlow.Prepared(v, List.of());
        }, r -> new CompiledFlow.Shaped(r, List.of()));
    }

    static BlockB flow() { return new BlockB(); }

    /** Builds one block; nodes in call order. */
    static final class BlockB {
        final List<NB> nodes = new ArrayList<>();
        Script vars;

        BlockB vars(Script v) { vars = v; return this; }

        NB mapping(String id, Script with) { return add(new NB(this, id, "mapping").with(with)); }
        NB tool(String id, String service, String path) { NB n = new NB(this, id, "tool"); n.service = service; n.path = path; return add(n); }
        NB condition(String id, Script when) { NB n = new NB(this, id, "condition"); n.when = when; return add(n); }
        NB caseNode(String id) { return add(new NB(this, id, "case")); }
        NB waitNode(String id, long ms) { NB n = new NB(this, id, "wait"); n.waitMs = ms; return add(n); }
        NB each(String id, Script source, String alias, String index, Consumer<BlockB> body) {
            NB n = new NB(this, id, "each"); n.source = source; n.alias = alias; n.index = index;
            n.body = new BlockB(); body.accept(n.body); return add(n);
        }
        NB loop(String id, Script vars, Script when, Consumer<BlockB> body) {
            NB n = new NB(this, id, "loop"); n.vars = vars; n.when = when;
            n.body = new BlockB(); body.accept(n.body); return add(n);
        }

        private NB add(NB n) { nodes.add(n); return n; }

        Block block() { return new Block(nodes.stream().map(NB::node).toList()); }

        Flow build() { return new Flow("test", null, Args.EMPTY, vars, block(), SourcePos.NONE); }

        CompiledFlow compiled() { return Dsl.compile(build()); }
    }

    /** One node under construction. */
    static final class NB {
        final BlockB owner;
        final String id, kind;
        Script with, sets, only, args, when, source, vars;
        List<String> next = List.of(), then = List.of(), orElse = List.of(), fail = List.of();
        final List<Node.CaseEntry> cases = new ArrayList<>();
        String service, path, alias, index;
        Long timeout;
        int attempts = 1;
        long waitMs;
        BlockB body;

        NB(BlockB owner, String id, String kind) { this.owner = owner; this.id = id; this.kind = kind; }

        NB with(Script s) { with = s; return this; }
        NB sets(Script s) { sets = s; return this; }
        NB only(Script s) { only = s; return this; }
        NB args(Script s) { args = s; return this; }
        NB next(String... ids) { next = Arrays.asList(ids); return this; }
        NB then(String... ids) { then = Arrays.asList(ids); return this; }
        NB orElse(String... ids) { orElse = Arrays.asList(ids); return this; }
        NB fail(String... ids) { fail = Arrays.asList(ids); return this; }
        NB when(Script w, String... ids) { cases.add(new Node.CaseEntry(w, Arrays.asList(ids), SourcePos.NONE)); return this; }
        NB timeout(long ms) { timeout = ms; return this; }
        NB attempts(int n) { attempts = n; return this; }
        NB vars(Script v) { vars = v; return this; }
        /** Back to the block, to chain the next node. */
        BlockB end() { return owner; }

        Node node() {
            SourcePos p = SourcePos.NONE;
            return switch (kind) {
                case "mapping" -> new Node.Mapping(id, null, null, p, with, sets, only, next, fail);
                case "tool" -> new Node.ToolCall(id, null, null, p, uri(service, path, timeout, attempts), args, with, sets, only, next, fail);
                case "condition" -> new Node.Condition(id, null, null, p, when, then, orElse);
                case "case" -> new Node.Case(id, null, null, p, cases, orElse);
                case "wait" -> new Node.Wait(id, null, null, p, waitMs, only, next);
                case "each" -> new Node.Each(id, null, null, p, new Node.EachSource(source, alias, index, p), vars, body.block(), with, sets, only, next, fail);
                case "loop" -> new Node.Loop(id, null, null, p, vars, when, body.block(), with, sets, only, next, fail);
                default -> throw new IllegalStateException(kind);
            };
        }
    }
}
