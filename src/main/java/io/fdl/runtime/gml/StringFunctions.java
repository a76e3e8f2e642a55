package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.gml.Values.Kind;

import java.util.Locale;

/** CONCAT, UPPER, LOWER, TRIM, LEN/LENGTH, SUBSTRING, REPLACE, SPLIT (§9.5). */
final class StringFunctions {
    private StringFunctions() {}

    static void register() {
        Functions.define("CONCAT", 1, -1, (env, a) -> {
            StringBuilder sb = new StringBuilder();
            for (JsonNode v : a) {
                if (Values.isNull(v)) continue;
                String t = v.isContainerNode() ? JsonText.write(v, env.limits.maxStringCodePoints()) : Values.text(v);
                sb.append(t);
                if (sb.length() > env.limits.maxStringCodePoints()) env.checkString(sb.toString());
            }
            return Values.of(env.checkString(sb.toString()));
        });
        Functions.define("UPPER", 1, 1, (env, a) -> Values.isNull(a[0]) ? Values.NULL : Values.of(text(env, a[0]).toUpperCase(Locale.ROOT)));
        Functions.define("LOWER", 1, 1, (env, a) -> Values.isNull(a[0]) ? Values.NULL : Values.of(text(env, a[0]).toLowerCase(Locale.ROOT)));
        Functions.define("TRIM", 1, 1, (env, a) -> Values.isNull(a[0]) ? Values.NULL : Values.of(text(env, a[0]).strip()));
        Functions.define("LEN", 1, 1, (env, a) -> len(a[0]));
        Functions.define("LENGTH", 1, 1, (env, a) -> len(a[0]));
        Functions.define("SUBSTRING", 2, 3, (env, a) -> {
            if (Values.isNull(a[0])) return Values.NULL;
            String s = text(env, a[0]);
            int n = Values.cpLength(s);
            long start = Math.max(0, Values.integral(a[1], "start"));
            long end = a.length == 3 && !Values.isNull(a[2]) ? start + Math.max(0, Values.integral(a[2], "length")) : n;
            int from = (int) Math.min(start, n), to = (int) Math.min(Math.max(end, 0), n);
            return Values.of(Strings.cpSub(s, from, to));
        });
        Functions.define("REPLACE", 3, 3, (env, a) -> {
            if (Values.isNull(a[0])) return Values.NULL;
            String s = text(env, a[0]);
            String from = Values.isNull(a[1]) ? "" : text(env, a[1]);
            String to = Values.isNull(a[2]) ? "" : text(env, a[2]);
            if (from.isEmpty()) return Values.of(s);
            return Values.of(Strings.replaceAll(env, s, from, to));
        });
        Functions.define("SPLIT", 1, 2, (env, a) -> {
            if (Values.isNull(a[0])) return Values.NULL;
            String sep = a.length == 2 && !Values.isNull(a[1]) ? text(env, a[1]) : ",";
            return Strings.split(env, text(env, a[0]), sep);
        });
    }

    /** Text form of a non-null argument. */
    static String text(Env env, JsonNode v) {
        if (v.isTextual()) return v.textValue();
        if (v.isContainerNode()) return env.checkString(JsonText.write(v, env.limits.maxStringCodePoints(), env.limits.maxEvalDepth()));
        return Values.text(v);
    }

    private static JsonNode len(JsonNode v) {
        Kind k = Values.kind(v);
        return switch (k) {
            case NULL -> Values.of(0);
            case STRING -> Values.of(Values.cpLength(v.asText()));
            case ARRAY, OBJECT -> Values.of(v.size());
            default -> throw Errors.eval("expected a string, array or object, got " + Values.typeName(v));
        };
    }
}
