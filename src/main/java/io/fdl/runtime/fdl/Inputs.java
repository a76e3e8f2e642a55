package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fdl.runtime.gml.GmlContext;
import io.fdl.runtime.gml.GmlException;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Run inputs (fdl.md §3.5, §4): built-ins, defaults, validation and coercion. */
public final class Inputs {
    private Inputs() {}

    /**
     * Prepared inputs.
     *
     * @param values   the run's input values: {@code tenantId}, {@code buCode}, then every declared input in
     *                 document order (null when any problem was found)
     * @param problems every problem ({@code order.items[2].qty: expected int, got string 'x'}); empty when ok
     */
    public record Result(ObjectNode values, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** The INVALID_INPUTS message: the problems joined by {@code "; "}. */
        public String message() {
            return String.join("; ", problems);
        }
    }

    /** As {@link #prepare(Flow, JsonNode, String, String, ZoneId)} with the UTC runtime zone. */
    public static Result prepare(Flow flow, JsonNode supplied, String tenantId, String buCode) {
        return prepare(flow, supplied, tenantId, buCode, ZoneOffset.UTC);
    }

    /**
     * Builds a run's inputs. {@code supplied} must be a JSON object; Java null or JSON null count as
     * {@code {}} (a run started without inputs). Undeclared keys are dropped; {@code tenantId} and
     * {@code buCode} always come from the arguments, never from {@code supplied}. Defaults are GML
     * evaluated in order, seeing the built-ins and the inputs processed before them.
     */
    public static Result prepare(Flow flow, JsonNode supplied, String tenantId, String buCode, ZoneId zone) {
        List<String> problems = new ArrayList<>();
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        values.set("tenantId", tenantId == null ? NullNode.instance : TextNode.valueOf(tenantId));
        values.set("buCode", buCode == null ? NullNode.instance : TextNode.valueOf(buCode));
        if (supplied != null && !supplied.isNull() && !supplied.isObject()) {
            problems.add("inputs must be a JSON object");
            return new Result(null, problems);
        }
        for (InputDecl in : flow.args().in()) {
            if (in.name().equals("tenantId") || in.name().equals("buCode")) continue; // built-ins win (§3.5)
            JsonNode v = supplied == null ? null : supplied.get(in.name());
            if (v == null || v.isNull()) {
                if (in.defaultValue() != null) {
                    try {
                        v = in.defaultValue().compiled().evaluate(GmlContext.of(values.deepCopy()));
                    } catch (GmlException e) {
                        problems.add(in.name() + ": default failed: " + e.getMessage());
                        values.putNull(in.name());
                        continue;
                    }
                } else if (in.required()) {
                    problems.add(in.name() + ": required input is missing");
                    values.putNull(in.name());
                    continue;
                } else {
                    values.putNull(in.name());
                    continue;
                }
            }
            values.set(in.name(), TypeCoercion.coerce(v, in.type(), flow.args().defs(), in.name(), zone, problems));
        }
        return new Result(problems.isEmpty() ? values : null, problems);
    }
}
