package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.gml.Values.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Array methods of §10.1: ordering, grouping and aggregation. */
final class ArrayOrdering {
    private ArrayOrdering() {}

    static void register() {
        Methods.array("sort", 0, 1, ArrayOrdering::sort);
        Methods.array("group", 1, 1, ArrayOrdering::group);
        Methods.array("groupBy", 1, 1, ArrayOrdering::group);
        Methods.array("collap", 1, 3, ArrayOrdering::collap);
        Methods.array("sum", 0, 1, (env, r, a) -> Aggregates.sum(Aggregates.extract(env, r, a, 0)));
        Methods.array("avg", 0, 1, (env, r, a) -> Aggregates.avg(Aggregates.extract(env, r, a, 0)));
        Methods.array("min", 0, 1, (env, r, a) -> Aggregates.extreme(Aggregates.extract(env, r, a, 0), false));
        Methods.array("max", 0, 1, (env, r, a) -> Aggregates.extreme(Aggregates.extract(env, r, a, 0), true));
        Methods.array("med", 0, 1, (env, r, a) -> Aggregates.med(Aggregates.extract(env, r, a, 0)));
    }

    private static List<JsonNode> list(JsonNode r) {
        List<JsonNode> l = new ArrayList<>(r.size());
        for (JsonNode e : r) l.add(e);
        return l;
    }

    private static ArrayNode permute(List<JsonNode> items, int[] order) {
        ArrayNode out = Values.array(order.length);
        for (int i : order) out.add(items.get(i));
        return out;
    }

    private static JsonNode sort(Env env, JsonNode r, Args a) {
        List<JsonNode> items = list(r);
        int n = items.size();
        if (!a.has(0) || (!a.isFn(0) && Values.isNull(a.get(0)))) {
            Kind common = null;
            for (JsonNode e : items) {
                Kind k = Values.kind(e);
                if (k == Kind.NULL) continue;
                Kind cat = k == Kind.DECIMAL ? Kind.INTEGER : k;
                if (cat != Kind.INTEGER && cat != Kind.STRING && cat != Kind.BOOLEAN) {
                    throw Errors.eval("cannot sort " + Values.typeName(e) + " elements (use sort('field') or a lambda)");
                }
                if (common == null) common = cat;
                else if (common != cat) throw Errors.eval("cannot sort a mix of " + name(common) + " and " + name(cat) + " elements");
            }
            return permute(items, Sorting.order(n, (x, y) -> Sorting.nullsLast(items.get(x), items.get(y), false)));
        }
        if (a.isFn(0)) {
            Fn fn = a.fn(0);
            if (fn.arity() >= 2) {
                return permute(items, Sorting.order(n, (x, y) -> {
                    JsonNode c = fn.call(env, items.get(x), items.get(y));
                    if (!c.isNumber()) throw Errors.eval("the comparator must return a number, got " + Values.typeName(c));
                    double d = c.doubleValue();
                    return d < 0 ? -1 : d > 0 ? 1 : 0;
                }));
            }
            JsonNode[] keys = new JsonNode[n];
            for (int i = 0; i < n; i++) keys[i] = fn.call(env, items.get(i), Values.of(i));
            return permute(items, Sorting.order(n, (x, y) -> Sorting.nullsLast(keys[x], keys[y], false)));
        }
        String spec = Strings.requireString(a.get(0), "the sort specification");
        return permute(items, Sorting.bySpec(items, Sorting.spec(spec)));
    }

    private static String name(Kind k) {
        return k == Kind.INTEGER ? "number" : k.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Groups in first-appearance order, keyed by the text form of the key (null → "null"). */
    private static Map<String, List<JsonNode>> groups(Env env, JsonNode r, Args a, int i) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        Fn fn = a.isFn(i) ? a.fn(i) : null;
        String[] path = fn == null ? Access.path(Strings.requireString(a.get(i), "the group key")) : null;
        for (int k = 0; k < r.size(); k++) {
            JsonNode e = r.get(k);
            JsonNode key = fn != null ? fn.call(env, e, Values.of(k)) : Access.get(e, path);
            String text = Values.isNull(key) ? "null" : StringFunctions.text(env, key);
            List<JsonNode> g = groups.get(text);
            if (g == null) {
                g = new ArrayList<>();
                groups.put(text, g);
                env.checkKeys(groups.size());
            }
            g.add(e);
        }
        return groups;
    }

    private static JsonNode group(Env env, JsonNode r, Args a) {
        ObjectNode out = Values.object();
        for (Map.Entry<String, List<JsonNode>> g : groups(env, r, a, 0).entrySet()) {
            ArrayNode arr = Values.array(g.getValue().size());
            g.getValue().forEach(arr::add);
            out.set(g.getKey(), arr);
        }
        return out;
    }

    private static JsonNode collap(Env env, JsonNode r, Args a) {
        Map<String, List<JsonNode>> groups = groups(env, r, a, 0);
        JsonNode specArg = a.get(1);
        List<Sorting.Key> spec = Values.isNull(specArg) ? null : Sorting.spec(Strings.requireString(specArg, "the sort specification"));
        JsonNode limitArg = a.get(2);
        long limit = Values.isNull(limitArg) ? Long.MAX_VALUE : Math.max(0, Values.integral(limitArg, "the group size"));
        ArrayNode out = Values.array(r.size());
        for (List<JsonNode> g : groups.values()) {
            int[] order = spec == null ? Sorting.order(g.size(), (x, y) -> 0) : Sorting.bySpec(g, spec);
            for (int i = 0; i < order.length && i < limit; i++) out.add(g.get(order[i]));
        }
        return out;
    }
}
