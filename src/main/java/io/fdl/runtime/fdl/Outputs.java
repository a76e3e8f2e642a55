package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Result shaping by {@code args.out} (fdl.md §11.2). */
public final class Outputs {
    private Outputs() {}

    /**
     * @param value    the shaped result (null when there are problems)
     * @param problems OUTPUT_INVALID problems; empty when ok
     */
    public record Result(JsonNode value, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** The OUTPUT_INVALID message: the problems joined by {@code "; "}. */
        public String message() {
            return String.join("; ", problems);
        }
    }

    public static Result shape(Flow flow, JsonNode value) {
        return shape(flow, value, ZoneOffset.UTC);
    }

    /**
     * Shapes a run's result: absent {@code out} or {@code any} → unchanged; a type → coerced and checked;
     * a field map → exactly the declared fields in order, each coerced (missing → null, accepted only by
     * nullable fields). A null result is never a violation.
     */
    public static Result shape(Flow flow, JsonNode value, ZoneId zone) {
        if (value == null || value.isNull() || value.isMissingNode()) return new Result(NullNode.instance, List.of());
        OutSpec out = flow.args().out();
        List<String> problems = new ArrayList<>();
        JsonNode shaped = value;
        if (out instanceof OutSpec.Type t) {
            shaped = TypeCoercion.coerce(value, t.type(), flow.args().defs(), "result", zone, problems);
        } else if (out instanceof OutSpec.Fields fs) {
            if (!value.isObject()) {
                problems.add("result: expected an object, got " + TypeCoercion.describe(value));
            } else {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                for (FieldDecl f : fs.fields()) {
                    JsonNode fv = value.get(f.name());
                    if ((fv == null || fv.isNull()) && !f.type().acceptsNull()) {
                        problems.add(f.name() + ": " + (fv == null ? "missing" : "null") + ", expected " + f.type().text());
                        continue;
                    }
                    o.set(f.name(), TypeCoercion.coerce(fv == null ? NullNode.instance : fv, f.type(), flow.args().defs(),
                            f.name(), zone, problems));
                }
                shaped = o;
            }
        }
        return new Result(problems.isEmpty() ? shaped : null, problems);
    }
}
