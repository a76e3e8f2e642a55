package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/** The result of {@link Gml#compile}: immutable; each evaluation gets its own {@link Env}. */
final class CompiledScript implements GmlScript {
    private final String source;
    private final GmlLimits limits;
    private final Compiler.Exec[] execs;
    private final Eval value;
    private final boolean objectMode;
    private final boolean usesThis;
    private final int slotCount;
    private final List<ScriptItem> items;
    private final Set<String> freeNames;

    CompiledScript(String source, GmlLimits limits, Compiler.Exec[] execs, Eval value, boolean objectMode, boolean usesThis,
                   int slotCount, List<ScriptItem> items, Set<String> freeNames) {
        this.source = source;
        this.limits = limits;
        this.execs = execs;
        this.value = value;
        this.objectMode = objectMode;
        this.usesThis = usesThis;
        this.slotCount = slotCount;
        this.items = items;
        this.freeNames = freeNames;
    }

    @Override
    public JsonNode evaluate(GmlContext context) {
        Env env = new Env(context == null ? GmlContext.EMPTY : context, limits, slotCount);
        if (objectMode) env.result = Values.object();
        if (usesThis) env.state = Values.object();
        try {
            for (Compiler.Exec e : execs) e.run(env);
            if (value != null) return Values.orNull(value.eval(env));
            return objectMode ? env.result : Values.NULL;
        } catch (StackOverflowError e) {
            throw new GmlException(GmlException.Kind.EVALUATION, "evaluation is nested too deeply (maxEvalDepth)", 1, 1, true);
        } catch (GmlException e) {
            if (e.line() == 0) throw new GmlException(e.kind(), e.getMessage() + " at 1:1", 1, 1, e.limitExceeded());
            throw e;
        }
    }

    @Override public String source() { return source; }
    @Override public List<ScriptItem> items() { return items; }
    @Override public Set<String> freeNames() { return freeNames; }
    @Override public String toString() { return "GmlScript[" + source + "]"; }
}
