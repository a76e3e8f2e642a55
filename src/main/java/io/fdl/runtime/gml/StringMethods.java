package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** String methods of §10.3; positions are code-point indices. */
final class StringMethods {
    private StringMethods() {}

    private static String str(Env env, Args a, int i, String what) {
        JsonNode v = a.get(i);
        if (Values.isNull(v)) throw Errors.eval(what + " must not be null");
        return StringFunctions.text(env, v);
    }

    private static long optInt(Args a, int i, long dflt, String what) {
        if (!a.has(i) || Values.isNull(a.get(i))) return dflt;
        return Values.integral(a.get(i), what);
    }

    static void register() {
        Methods.string("length", 0, 0, (env, r, a) -> Values.of(Values.cpLength(r.asText())));
        Methods.string("toUpperCase", 0, 0, (env, r, a) -> Values.of(r.asText().toUpperCase(Locale.ROOT)));
        Methods.string("upper", 0, 0, (env, r, a) -> Values.of(r.asText().toUpperCase(Locale.ROOT)));
        Methods.string("toLowerCase", 0, 0, (env, r, a) -> Values.of(r.asText().toLowerCase(Locale.ROOT)));
        Methods.string("lower", 0, 0, (env, r, a) -> Values.of(r.asText().toLowerCase(Locale.ROOT)));
        Methods.string("trim", 0, 0, (env, r, a) -> Values.of(r.asText().strip()));
        Methods.string("trimStart", 0, 0, (env, r, a) -> Values.of(r.asText().stripLeading()));
        Methods.string("trimEnd", 0, 0, (env, r, a) -> Values.of(r.asText().stripTrailing()));
        Methods.string("split", 0, 1, (env, r, a) -> {
            String sep = a.has(0) && !Values.isNull(a.get(0)) ? StringFunctions.text(env, a.get(0)) : ",";
            return Strings.split(env, r.asText(), sep);
        });
        Methods.string("startsWith", 1, 1, (env, r, a) -> Values.of(r.asText().startsWith(str(env, a, 0, "the prefix"))));
        Methods.string("endsWith", 1, 1, (env, r, a) -> Values.of(r.asText().endsWith(str(env, a, 0, "the suffix"))));
        Methods.string("contains", 1, 1, (env, r, a) -> Values.of(r.asText().contains(str(env, a, 0, "the text"))));
        Methods.string("includes", 1, 1, (env, r, a) -> Values.of(r.asText().contains(str(env, a, 0, "the text"))));
        Methods.string("indexOf", 1, 2, (env, r, a) ->
                Values.of(Strings.indexOf(r.asText(), str(env, a, 0, "the text"), optInt(a, 1, 0, "from"))));
        Methods.string("lastIndexOf", 1, 2, (env, r, a) ->
                Values.of(Strings.lastIndexOf(r.asText(), str(env, a, 0, "the text"), optInt(a, 1, Integer.MAX_VALUE, "from"))));
        Methods.string("substring", 1, 2, (env, r, a) -> {
            String s = r.asText();
            int n = Values.cpLength(s);
            long start = clamp(Values.integral(a.get(0), "start"), n);
            long end = clamp(optInt(a, 1, n, "end"), n);
            if (start > end) {
                long t = start;
                start = end;
                end = t;
            }
            return Values.of(Strings.cpSub(s, (int) start, (int) end));
        });
        Methods.string("slice", 1, 2, (env, r, a) -> {
            String s = r.asText();
            int n = Values.cpLength(s);
            long start = ArrayMethods.relative(Values.integral(a.get(0), "start"), n);
            long end = ArrayMethods.relative(optInt(a, 1, n, "end"), n);
            return Values.of(Strings.cpSub(s, (int) start, (int) end));
        });
        Methods.string("substr", 1, 2, (env, r, a) -> {
            String s = r.asText();
            int n = Values.cpLength(s);
            long start = ArrayMethods.relative(Values.integral(a.get(0), "start"), n);
            long len = optInt(a, 1, n, "length");
            long end = len <= 0 ? start : Math.min(n, start + Math.min(len, n));
            return Values.of(Strings.cpSub(s, (int) start, (int) end));
        });
        Methods.string("replace", 2, 2, (env, r, a) -> {
            String res = Strings.replaceFirst(r.asText(), str(env, a, 0, "the search text"), str(env, a, 1, "the replacement"));
            return Values.of(env.checkString(res));
        });
        Methods.string("replaceAll", 2, 2, (env, r, a) ->
                Values.of(Strings.replaceAll(env, r.asText(), str(env, a, 0, "the search text"), str(env, a, 1, "the replacement"))));
        Methods.string("padStart", 1, 2, (env, r, a) -> Values.of(Strings.pad(env, r.asText(),
                Values.integral(a.get(0), "the length"), a.has(1) && !Values.isNull(a.get(1)) ? str(env, a, 1, "the padding") : " ", true)));
        Methods.string("padEnd", 1, 2, (env, r, a) -> Values.of(Strings.pad(env, r.asText(),
                Values.integral(a.get(0), "the length"), a.has(1) && !Values.isNull(a.get(1)) ? str(env, a, 1, "the padding") : " ", false)));
        Methods.string("charAt", 1, 1, (env, r, a) -> {
            long i = Values.integral(a.get(0), "the index");
            if (i < 0) return Values.EMPTY;
            JsonNode c = Access.codePointAt(r.asText(), i);
            return Values.isNull(c) ? Values.EMPTY : c;
        });
        Methods.string("charCodeAt", 1, 1, (env, r, a) -> {
            long i = Values.integral(a.get(0), "the index");
            String s = r.asText();
            if (i < 0 || i >= Values.cpLength(s)) return Values.NULL;
            return Values.of(s.codePointAt(s.offsetByCodePoints(0, (int) i)));
        });
        Methods.string("repeat", 1, 1, (env, r, a) -> Values.of(Strings.repeat(env, r.asText(), Values.integral(a.get(0), "the count"))));
    }

    private static long clamp(long v, int n) {
        return Math.max(0, Math.min(v, n));
    }
}
