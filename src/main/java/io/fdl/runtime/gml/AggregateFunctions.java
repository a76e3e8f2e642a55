package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** COUNT, SUM, AVG, MIN, MAX (§9.2) and FIRST, LAST (§9.6). */
final class AggregateFunctions {
    private AggregateFunctions() {}

    static void register() {
        Functions.define("COUNT", 1, 1, (env, a) -> {
            JsonNode x = a[0];
            if (x.isArray()) return Values.of(x.size());
            return Values.of(Values.isNull(x) ? 0 : 1);
        });
        Functions.define("SUM", 1, -1, (env, a) -> aggregate(a, Aggregates::sum));
        Functions.define("AVG", 1, -1, (env, a) -> aggregate(a, Aggregates::avg));
        Functions.define("MIN", 1, -1, (env, a) -> aggregate(a, v -> Aggregates.extreme(v, false)));
        Functions.define("MAX", 1, -1, (env, a) -> aggregate(a, v -> Aggregates.extreme(v, true)));
        Functions.define("FIRST", 1, -1, (env, a) -> {
            if (a.length == 1 && a[0].isArray()) return a[0].size() == 0 ? Values.NULL : a[0].get(0);
            return a[0];
        });
        Functions.define("LAST", 1, -1, (env, a) -> {
            if (a.length == 1 && a[0].isArray()) return a[0].size() == 0 ? Values.NULL : a[0].get(a[0].size() - 1);
            return a[a.length - 1];
        });
    }

    /** Array mode for (array|null [, path]); varargs mode (numbers, nulls skipped) otherwise. */
    private static JsonNode aggregate(JsonNode[] a, Function<List<JsonNode>, JsonNode> f) {
        if (a.length <= 2 && (a[0].isArray() || Values.isNull(a[0]))) {
            if (Values.isNull(a[0])) return f.apply(List.of());
            return f.apply(Aggregates.byPath(a[0], a.length == 2 ? a[1] : Values.NULL));
        }
        for (JsonNode v : a) {
            if (v.isContainerNode()) throw Errors.eval("expected numbers, got " + Values.typeName(v));
        }
        return f.apply(Arrays.asList(a));
    }
}
