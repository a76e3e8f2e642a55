package io.fdl.runtime.fdl;

import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;

import java.util.List;

/**
 * Generates FDL YAML from a model with 4-space indentation and one blank line between nodes.
 * Scalars are written plain when that reads back as the same text, as a {@code |} block when they span
 * lines, and quoted otherwise, so parsing the output yields the same model.
 */
final class YamlWriter {
    private static final String IND = "    ";

    private final StringBuilder sb = new StringBuilder();

    private YamlWriter() {}

    static String write(Flow flow) {
        YamlWriter w = new YamlWriter();
        w.flow(flow);
        return w.sb.toString();
    }

    private void flow(Flow f) {
        sb.append("flow:\n");
        scalar(1, "name", f.name());
        if (f.desp() != null) scalar(1, "desp", f.desp());
        Args a = f.args();
        if (!a.defs().isEmpty() || !a.in().isEmpty() || !(a.out() instanceof OutSpec.Absent)) {
            line(1, "args:");
            if (!a.defs().isEmpty()) {
                line(2, "defs:");
                for (RecordDef def : a.defs().values()) {
                    line(3, key(def.name()) + ":");
                    for (FieldDecl fd : def.fields()) scalar(4, fd.name(), fd.type().text());
                }
            }
            if (!a.in().isEmpty()) {
                line(2, "in:");
                for (InputDecl in : a.in()) {
                    String spec = in.defaultValue() == null ? in.type().text()
                            : in.type().text() + " = " + in.defaultValue().source();
                    scalar(3, in.name(), spec);
                }
            }
            if (a.out() instanceof OutSpec.Type t) {
                scalar(2, "out", t.type().text());
            } else if (a.out() instanceof OutSpec.Fields fs) {
                line(2, "out:");
                for (FieldDecl fd : fs.fields()) scalar(3, fd.name(), fd.type().text());
            }
        }
        if (f.vars() != null) scalar(1, "vars", f.vars().source());
        line(1, "node:");
        block(2, f.block());
    }

    private void block(int level, Block b) {
        boolean first = true;
        for (Node n : b.nodes()) {
            if (!first) sb.append('\n');
            first = false;
            line(level, key(n.id()) + ":");
            int l = level + 1;
            if (n.name() != null) scalar(l, "name", n.name());
            if (n.desp() != null) scalar(l, "desp", n.desp());
            if (n instanceof Node.ToolCall t) {
                scalar(l, "exec", t.exec().text());
                gml(l, "args", t.args());
                gml(l, "sets", t.sets());
                gml(l, "with", t.with());
                gml(l, "only", t.only());
            } else if (n instanceof Node.Mapping m) {
                gml(l, "sets", m.sets());
                gml(l, "with", m.with());
                gml(l, "only", m.only());
            } else if (n instanceof Node.Condition c) {
                gml(l, "when", c.when());
                jumps(l, "then", c.then());
                jumps(l, "else", c.elseTargets());
            } else if (n instanceof Node.Case c) {
                line(l, "case:");
                for (Node.CaseEntry e : c.entries()) {
                    sb.append(IND.repeat(l + 1)).append("-   ");
                    appendScalar(l + 2, "when", e.when().source(), true);
                    jumps(l + 2, "then", e.then());
                }
                jumps(l, "else", c.elseTargets());
            } else if (n instanceof Node.Wait w) {
                line(l, "wait: " + w.durationMs());
                gml(l, "only", w.only());
            } else if (n instanceof Node.Each e) {
                scalar(l, "each", eachText(e.source()));
                gml(l, "vars", e.vars());
                gml(l, "only", e.only());
                line(l, "node:");
                block(l + 1, e.body());
                gml(l, "sets", e.sets());
                gml(l, "with", e.with());
            } else if (n instanceof Node.Loop lp) {
                gml(l, "vars", lp.vars());
                gml(l, "when", lp.when());
                gml(l, "only", lp.only());
                line(l, "node:");
                block(l + 1, lp.body());
                gml(l, "sets", lp.sets());
                gml(l, "with", lp.with());
            }
            jumps(l, "next", n.next());
            jumps(l, "fail", n.fail());
        }
    }

    static String eachText(Node.EachSource s) {
        return s.source().source() + " => " + s.alias() + (s.index() == null ? "" : ", " + s.index());
    }

    private void jumps(int level, String key, List<String> ids) {
        if (!ids.isEmpty()) line(level, key + ": " + String.join(", ", ids));
    }

    private void gml(int level, String key, Script s) {
        if (s != null) scalar(level, key, s.source());
    }

    private void scalar(int level, String key, String value) {
        sb.append(IND.repeat(level));
        appendScalar(level, key, value, false);
    }

    /** Appends {@code key: value\n}; the indentation of the key is already written. */
    private void appendScalar(int level, String key, String value, boolean inSeqItem) {
        sb.append(key(key)).append(':');
        if (value.contains("\n") && literalOk(value)) {
            String chomp = value.endsWith("\n\n") ? "+" : value.endsWith("\n") ? "" : "-";
            sb.append(" |").append(chomp).append('\n');
            String body = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
            for (String ln : body.split("\n", -1)) {
                if (ln.isEmpty()) sb.append('\n');
                else sb.append(IND.repeat(level + 1)).append(ln).append('\n');
            }
        } else {
            sb.append(' ').append(plainOk(value) ? value : quote(value)).append('\n');
        }
    }

    private void line(int level, String text) {
        sb.append(IND.repeat(level)).append(text).append('\n');
    }

    private static String key(String k) {
        return plainOk(k) ? k : quote(k);
    }

    /** A literal block keeps the text when its first line has no leading space and no line has odd characters. */
    private static boolean literalOk(String v) {
        if (v.startsWith(" ") || v.startsWith("\t") || v.startsWith("\n")) return false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\r' || (c < 0x20 && c != '\n' && c != '\t')) return false;
        }
        return true;
    }

    /** Plain when YAML reads the same text back (the text of non-string scalars is kept, fdl.md §2.3). */
    static boolean plainOk(String v) {
        if (v.isEmpty() || !v.equals(v.strip())) return false;
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(v.charAt(0)) >= 0) return false;
        if (v.contains(": ") || v.contains(" #") || v.endsWith(":") || v.contains("\n") || v.contains("\t")) return false;
        if (CoreScalarResolver.NULL.matcher(v).matches() && !v.equals("null")) return false;
        for (int i = 0; i < v.length(); i++) if (v.charAt(i) < 0x20) return false;
        return true;
    }

    private static String quote(String v) {
        boolean simple = true;
        for (int i = 0; i < v.length(); i++) if (v.charAt(i) < 0x20) simple = false;
        if (simple) return "'" + v.replace("'", "''") + "'";
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20) q.append(String.format("\\x%02x", (int) c));
                    else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }
}
