package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Array methods of §10.1: size and search, element access and slicing, building. */
final class ArrayMethods {
    private ArrayMethods() {}

    static void register() {
        // size and search
        Methods.array("length", 0, 0, (env, r, a) -> Values.of(r.size()));
        Methods.array("count", 0, 1, (env, r, a) -> {
            if (!a.has(0)) return Values.of(r.size());
            Fn fn = fn(a, 0);
            int c = 0;
            for (int i = 0; i < r.size(); i++) if (Values.truthy(fn.call(env, r.get(i), Values.of(i)))) c++;
            return Values.of(c);
        });
        Methods.array("includes", 1, 2, (env, r, a) -> Values.of(indexOf(r, a.get(0), from(r, a, 1, 0)) >= 0));
        Methods.array("indexOf", 1, 2, (env, r, a) -> Values.of(indexOf(r, a.get(0), from(r, a, 1, 0))));
        Methods.array("lastIndexOf", 1, 2, (env, r, a) -> {
            JsonNode x = a.get(0);
            long from = from(r, a, 1, r.size() - 1);
            for (long i = Math.min(from, r.size() - 1); i >= 0; i--) if (Values.equal(r.get((int) i), x)) return Values.of(i);
            return Values.of(-1);
        });
        Methods.array("find", 1, 1, (env, r, a) -> {
            Fn fn = fn(a, 0);
            for (int i = 0; i < r.size(); i++) if (Values.truthy(fn.call(env, r.get(i), Values.of(i)))) return r.get(i);
            return Values.NULL;
        });
        Methods.array("findIndex", 1, 1, (env, r, a) -> {
            Fn fn = fn(a, 0);
            for (int i = 0; i < r.size(); i++) if (Values.truthy(fn.call(env, r.get(i), Values.of(i)))) return Values.of(i);
            return Values.of(-1);
        });
        Methods.array("some", 1, 1, (env, r, a) -> {
            Fn fn = fn(a, 0);
            for (int i = 0; i < r.size(); i++) if (Values.truthy(fn.call(env, r.get(i), Values.of(i)))) return Values.TRUE;
            return Values.FALSE;
        });
        Methods.array("every", 1, 1, (env, r, a) -> {
            Fn fn = fn(a, 0);
            for (int i = 0; i < r.size(); i++) if (!Values.truthy(fn.call(env, r.get(i), Values.of(i)))) return Values.FALSE;
            return Values.TRUE;
        });

        // element access and slicing
        Methods.array("first", 0, 0, (env, r, a) -> r.size() == 0 ? Values.NULL : r.get(0));
        Methods.array("last", 0, 0, (env, r, a) -> r.size() == 0 ? Values.NULL : r.get(r.size() - 1));
        Methods.array("at", 1, 1, (env, r, a) -> {
            JsonNode i = a.get(0);
            if (Values.isNull(i)) return Values.NULL;
            return Access.index(r, Values.of(Values.integral(i, "the index")));
        });
        Methods.array("take", 1, 1, (env, r, a) -> slice(r, 0, count(a, 0)));
        Methods.array("skip", 1, 1, (env, r, a) -> slice(r, count(a, 0), r.size()));
        Methods.array("drop", 1, 1, (env, r, a) -> slice(r, count(a, 0), r.size()));
        Methods.array("slice", 1, 2, (env, r, a) -> {
            int n = r.size();
            long start = relative(Values.integral(a.get(0), "start"), n);
            long end = a.has(1) && !Values.isNull(a.get(1)) ? relative(Values.integral(a.get(1), "end"), n) : n;
            return slice(r, start, end);
        });

        // building
        Methods.array("add", 1, -1, ArrayMethods::append);
        Methods.array("push", 1, -1, ArrayMethods::append);
        Methods.array("unshift", 1, -1, (env, r, a) -> {
            env.checkArray((long) r.size() + a.size());
            ArrayNode out = Values.array(r.size() + a.size());
            for (int i = 0; i < a.size(); i++) out.add(a.get(i));
            out.addAll((ArrayNode) r);
            return out;
        });
        Methods.array("concat", 0, -1, ArrayMethods::concat);
        Methods.array("addAll", 1, 1, ArrayMethods::concat);
        Methods.array("remove", 1, 1, (env, r, a) -> {
            JsonNode x = a.get(0);
            ArrayNode out = Values.array(r.size());
            for (JsonNode e : r) if (!Values.equal(e, x)) out.add(e);
            return out;
        });
        Methods.array("removeAt", 1, 1, (env, r, a) -> {
            long i = Values.integral(a.get(0), "the index");
            int n = r.size();
            if (i < 0) i += n;
            if (i < 0 || i >= n) return r;
            ArrayNode out = Values.array(n - 1);
            for (int k = 0; k < n; k++) if (k != i) out.add(r.get(k));
            return out;
        });
        Methods.array("reverse", 0, 0, (env, r, a) -> {
            ArrayNode out = Values.array(r.size());
            for (int i = r.size() - 1; i >= 0; i--) out.add(r.get(i));
            return out;
        });
        Methods.array("distinct", 0, 0, (env, r, a) -> Distinct.of(r));
    }

    static Fn fn(Args a, int i) {
        if (!a.isFn(i)) throw Errors.eval("argument " + (i + 1) + " must be a lambda (x => …)");
        return a.fn(i);
    }

    /** Optional start index (negative from the end). */
    private static long from(JsonNode r, Args a, int i, long dflt) {
        if (!a.has(i) || Values.isNull(a.get(i))) return dflt;
        long f = Values.integral(a.get(i), "from");
        return f < 0 ? f + r.size() : f;
    }

    private static int indexOf(JsonNode r, JsonNode x, long from) {
        for (long i = Math.max(0, from); i < r.size(); i++) if (Values.equal(r.get((int) i), x)) return (int) i;
        return -1;
    }

    private static long count(Args a, int i) {
        return Math.max(0, Values.integral(a.get(i), "the count"));
    }

    static long relative(long i, int n) {
        if (i < 0) i += n;
        return Math.max(0, Math.min(i, n));
    }

    static ArrayNode slice(JsonNode r, long start, long end) {
        int n = r.size();
        int s = (int) Math.max(0, Math.min(start, n)), e = (int) Math.max(0, Math.min(end, n));
        ArrayNode out = Values.array(Math.max(0, e - s));
        for (int i = s; i < e; i++) out.add(r.get(i));
        return out;
    }

    private static JsonNode append(Env env, JsonNode r, Args a) {
        env.checkArray((long) r.size() + a.size());
        ArrayNode out = Values.array(r.size() + a.size());
        out.addAll((ArrayNode) r);
        for (int i = 0; i < a.size(); i++) out.add(a.get(i));
        return out;
    }

    private static JsonNode concat(Env env, JsonNode r, Args a) {
        long size = r.size();
        for (int i = 0; i < a.size(); i++) {
            JsonNode x = a.get(i);
            size += x.isArray() ? x.size() : Values.isNull(x) ? 0 : 1;
        }
        env.checkArray(size);
        ArrayNode out = Values.array((int) size);
        out.addAll((ArrayNode) r);
        for (int i = 0; i < a.size(); i++) {
            JsonNode x = a.get(i);
            if (x.isArray()) out.addAll((ArrayNode) x);
            else if (!Values.isNull(x)) out.add(x);
        }
        return out;
    }
}
