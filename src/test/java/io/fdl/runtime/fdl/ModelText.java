package io.fdl.runtime.fdl;

/** A position-free text rendering of a model, to compare models from different sources. */
final class ModelText {
    private ModelText() {}

    static String of(Flow f) {
        StringBuilder sb = new StringBuilder();
        sb.append("flow ").append(f.name()).append(" | ").append(f.desp()).append('\n');
        f.args().defs().values().forEach(d -> {
            sb.append("def ").append(d.name());
            d.fields().forEach(x -> sb.append(' ').append(x.name()).append(':').append(x.type().text()));
            sb.append('\n');
        });
        f.args().in().forEach(i -> sb.append("in ").append(i.name()).append(':').append(i.type().text()).append(" = ")
                .append(src(i.defaultValue())).append(i.required() ? " required" : "").append('\n'));
        OutSpec out = f.args().out();
        if (out instanceof OutSpec.Type t) sb.append("out ").append(t.type().text()).append('\n');
        if (out instanceof OutSpec.Fields fs) fs.fields().forEach(x -> sb.append("out ").append(x.name()).append(':').append(x.type().text()).append('\n'));
        sb.append("vars ").append(src(f.vars())).append('\n');
        block(sb, f.block(), "");
        return sb.toString();
    }

    private static void block(StringBuilder sb, Block b, String ind) {
        for (Node n : b.nodes()) {
            sb.append(ind).append(n.kind()).append(' ').append(n.id()).append(" name=").append(n.name()).append(" desp=").append(n.desp())
                    .append(" next=").append(n.next()).append(" fail=").append(n.fail()).append(" only=").append(src(n.only())).append('\n');
            String i2 = ind + "  ";
            if (n instanceof Node.ToolCall t) {
                sb.append(i2).append("exec=").append(t.exec().text()).append(" args=").append(src(t.args())).append(" with=")
                        .append(src(t.with())).append(" sets=").append(src(t.sets())).append('\n');
            } else if (n instanceof Node.Mapping m) {
                sb.append(i2).append("with=").append(src(m.with())).append(" sets=").append(src(m.sets())).append('\n');
            } else if (n instanceof Node.Condition c) {
                sb.append(i2).append("when=").append(src(c.when())).append(" then=").append(c.then()).append(" else=").append(c.elseTargets()).append('\n');
            } else if (n instanceof Node.Case c) {
                c.entries().forEach(e -> sb.append(i2).append("case ").append(src(e.when())).append(" -> ").append(e.then()).append('\n'));
                sb.append(i2).append("else=").append(c.elseTargets()).append('\n');
            } else if (n instanceof Node.Wait w) {
                sb.append(i2).append("wait=").append(w.durationMs()).append('\n');
            } else if (n instanceof Node.Each e) {
                sb.append(i2).append("each=").append(src(e.source().source())).append(" => ").append(e.source().alias()).append(',')
                        .append(e.source().index()).append(" vars=").append(src(e.vars())).append(" with=").append(src(e.with()))
                        .append(" sets=").append(src(e.sets())).append('\n');
                block(sb, e.body(), i2 + "  ");
            } else if (n instanceof Node.Loop l) {
                sb.append(i2).append("vars=").append(src(l.vars())).append(" when=").append(src(l.when())).append(" with=")
                        .append(src(l.with())).append(" sets=").append(src(l.sets())).append('\n');
                block(sb, l.body(), i2 + "  ");
            }
        }
    }

    private static String src(Script s) {
        return s == null ? "-" : "«" + s.source() + "»";
    }
}
