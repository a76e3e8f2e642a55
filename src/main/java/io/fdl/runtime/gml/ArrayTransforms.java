package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Array methods of §10.1 that transform: map, filter, reduce, join, flat, chunk, expand, proj, omit. */
final class ArrayTransforms {
    private ArrayTransforms() {}

    static void register() {
        Methods.array("map", 1, 1, ArrayTransforms::map);
        Methods.array("pluck", 1, 1, ArrayTransforms::map);
        Methods.array("filter", 1, 1, (env, r, a) -> {
            Fn fn = ArrayMethods.fn(a, 0);
            ArrayNode out = Values.array(r.size());
            for (int i = 0; i < r.size(); i++) {
                JsonNode e = r.get(i);
                if (Values.truthy(fn.call(env, e, Values.of(i)))) out.add(e);
            }
            return out;
        });
        Methods.array("reduce", 1, 2, (env, r, a) -> {
            Fn fn = ArrayMethods.fn(a, 0);
            int start = 0;
            JsonNode acc;
            if (a.has(1)) acc = a.get(1);
            else {
                if (r.size() == 0) return Values.NULL;
                acc = r.get(0);
                start = 1;
            }
            for (int i = start; i < r.size(); i++) acc = fn.call(env, acc, r.get(i), Values.of(i));
            return acc;
        });
        Methods.array("join", 0, 1, (env, r, a) -> {
            String sep = a.has(0) && !Values.isNull(a.get(0)) ? StringFunctions.text(env, a.get(0)) : ",";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) sb.append(sep);
                JsonNode e = r.get(i);
                if (!Values.isNull(e)) sb.append(StringFunctions.text(env, e));
                if (sb.length() > env.limits.maxStringCodePoints()) env.checkString(sb.toString());
            }
            return Values.of(env.checkString(sb.toString()));
        });
        Methods.array("flat", 0, 1, (env, r, a) -> {
            JsonNode arg = a.get(0);
            if (arg.isTextual()) return flatten(env, mapPath(r, arg.textValue()), 1);
            long depth = Values.isNull(arg) ? 1 : Values.integral(arg, "the depth");
            return flatten(env, r, depth);
        });
        Methods.array("flatten", 0, 0, (env, r, a) -> flatten(env, r, Long.MAX_VALUE));
        Methods.array("chunk", 1, 1, (env, r, a) -> {
            long n = Values.integral(a.get(0), "the chunk size");
            if (n < 1) throw Errors.eval("the chunk size must be at least 1, got " + n);
            ArrayNode out = Values.array((int) Math.min(r.size(), (r.size() + n - 1) / n));
            for (int i = 0; i < r.size(); i += (int) Math.min(n, Integer.MAX_VALUE)) {
                out.add(ArrayMethods.slice(r, i, Math.min((long) i + n, r.size())));
            }
            return out;
        });
        Methods.array("expand", 1, 1, (env, r, a) -> {
            String[] path = Access.path(Strings.requireString(a.get(0), "the field path"));
            ArrayNode out = Values.array(r.size());
            for (JsonNode e : r) {
                JsonNode v = e.isObject() ? Access.get(e, path) : Values.NULL;
                if (!v.isArray()) {
                    out.add(e);
                    continue;
                }
                env.checkArray((long) out.size() + v.size());
                for (JsonNode item : v) out.add(replaceAt(e, path, 0, item));
            }
            return out;
        });
        Methods.array("proj", 1, 1, (env, r, a) -> eachObject(r, fieldList(a.get(0)), true));
        Methods.array("pick", 1, 1, (env, r, a) -> eachObject(r, fieldList(a.get(0)), true));
        Methods.array("omit", 1, 1, (env, r, a) -> eachObject(r, fieldList(a.get(0)), false));
    }

    private static JsonNode map(Env env, JsonNode r, Args a) {
        if (!a.isFn(0)) return mapPath(r, Strings.requireString(a.get(0), "the field path"));
        Fn fn = a.fn(0);
        ArrayNode out = Values.array(r.size());
        for (int i = 0; i < r.size(); i++) out.add(fn.call(env, r.get(i), Values.of(i)));
        return out;
    }

    private static ArrayNode mapPath(JsonNode r, String p) {
        String[] path = Access.path(p);
        ArrayNode out = Values.array(r.size());
        for (JsonNode e : r) out.add(Access.get(e, path));
        return out;
    }

    static ArrayNode flatten(Env env, JsonNode r, long depth) {
        ArrayNode out = Values.array(r.size());
        flattenInto(env, out, r, depth, 0);
        return out;
    }

    private static void flattenInto(Env env, ArrayNode out, JsonNode r, long depth, int level) {
        if (level > env.limits.maxEvalDepth()) throw Errors.limit("value nesting exceeds the limit of " + env.limits.maxEvalDepth() + " (maxEvalDepth)");
        for (JsonNode e : r) {
            if (e.isArray() && depth > 0) flattenInto(env, out, e, depth - 1, level + 1);
            else {
                out.add(e);
                if (out.size() > env.limits.maxArrayElements()) env.checkArray(out.size());
            }
        }
    }

    /** Copy of obj with the value at path[i..] replaced. */
    private static JsonNode replaceAt(JsonNode obj, String[] path, int i, JsonNode value) {
        ObjectNode copy = Values.object();
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(path[i])) {
                copy.set(e.getKey(), i == path.length - 1 ? value : replaceAt(e.getValue(), path, i + 1, value));
            } else {
                copy.set(e.getKey(), e.getValue());
            }
        }
        return copy;
    }

    /** A comma list of field names, spaces ignored. */
    static Set<String> fieldList(JsonNode arg) {
        Set<String> out = new LinkedHashSet<>();
        if (Values.isNull(arg)) return out;
        if (arg.isArray()) {
            for (JsonNode e : arg) out.add(Values.text(e).strip());
            return out;
        }
        for (String f : Strings.requireString(arg, "the field list").split(",")) {
            String t = f.strip();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    private static ArrayNode eachObject(JsonNode r, Set<String> fields, boolean keep) {
        ArrayNode out = Values.array(r.size());
        for (JsonNode e : r) out.add(e.isObject() ? (keep ? project(e, fields) : omit(e, fields)) : e);
        return out;
    }

    /** Only the listed fields, in the order they are listed (missing ones omitted). */
    static ObjectNode project(JsonNode o, Set<String> fields) {
        ObjectNode out = Values.object();
        for (String f : fields) {
            JsonNode v = o.get(f);
            if (v != null) out.set(f, v);
        }
        return out;
    }

    static ObjectNode omit(JsonNode o, Set<String> fields) {
        ObjectNode out = Values.object();
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!fields.contains(e.getKey())) out.set(e.getKey(), e.getValue());
        }
        return out;
    }
}
