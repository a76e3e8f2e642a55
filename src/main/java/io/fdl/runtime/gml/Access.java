package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.gml.Values.Kind;

/** Index access {@code x[k]}, {@code x[#]} and field paths (§6.4, §10). */
final class Access {
    private Access() {}

    static JsonNode index(JsonNode t, JsonNode k) {
        Kind kk = Values.kind(k);
        if (kk == Kind.BOOLEAN || kk == Kind.ARRAY || kk == Kind.OBJECT) {
            if (Values.isNull(t)) return Values.NULL;
            throw Errors.eval("an index must be a string or a number, got " + Values.typeName(k));
        }
        if (kk == Kind.NULL) return Values.NULL;
        switch (Values.kind(t)) {
            case OBJECT: {
                JsonNode v = t.get(kk == Kind.STRING ? k.asText() : Values.text(k));
                return v == null ? Values.NULL : v;
            }
            case ARRAY: {
                if (kk == Kind.STRING) return Values.NULL;
                long i = Values.integral(k, "an array index");
                int n = t.size();
                if (i < 0) i += n;
                return i < 0 || i >= n ? Values.NULL : Values.orNull(t.get((int) i));
            }
            case STRING: {
                if (kk == Kind.STRING) return Values.NULL;
                long i = Values.integral(k, "a string index");
                return codePointAt(t.asText(), i);
            }
            default:
                return Values.NULL;
        }
    }

    /** Code point i (negative from the end) as a string, or null. */
    static JsonNode codePointAt(String s, long i) {
        int n = Values.cpLength(s);
        if (i < 0) i += n;
        if (i < 0 || i >= n) return Values.NULL;
        int off = s.offsetByCodePoints(0, (int) i);
        return Values.of(new String(Character.toChars(s.codePointAt(off))));
    }

    static JsonNode last(JsonNode t) {
        if (t.isArray()) return t.size() == 0 ? Values.NULL : Values.orNull(t.get(t.size() - 1));
        if (t.isTextual()) {
            String s = t.textValue();
            if (s.isEmpty()) return Values.NULL;
            int cp = s.codePointBefore(s.length());
            return Values.of(new String(Character.toChars(cp)));
        }
        return Values.NULL;
    }

    /** A dotted path ('a.b') compiled into its segments. */
    static String[] path(String p) {
        return p.split("\\.", -1);
    }

    /** The value of a path on an element; null when a step is not an object. */
    static JsonNode get(JsonNode v, String[] path) {
        JsonNode cur = v;
        for (String seg : path) {
            if (cur == null || !cur.isObject()) return Values.NULL;
            cur = cur.get(seg);
        }
        return cur == null ? Values.NULL : cur;
    }
}
