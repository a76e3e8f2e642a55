package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Code-point string helpers shared by string functions and methods (§9.5, §10.3). */
final class Strings {
    private Strings() {}

    static String requireString(JsonNode n, String what) {
        if (n.isTextual()) return n.textValue();
        throw Errors.eval(what + " must be a string, got " + Values.typeName(n));
    }

    /** Clamps to int for index arithmetic. */
    static int clampInt(long v) {
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : v < Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) v;
    }

    /** True when every char is outside the surrogate range: char index == code-point index. */
    static boolean simple(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isSurrogate(s.charAt(i))) return false;
        return true;
    }

    /** Substring by code-point indices [from, to), both already clamped to [0, length]. */
    static String cpSub(String s, int from, int to) {
        if (from >= to) return "";
        if (simple(s)) return s.substring(from, to);
        int a = s.offsetByCodePoints(0, from);
        int b = s.offsetByCodePoints(a, to - from);
        return s.substring(a, b);
    }

    /** Code-point index of the char index. */
    static int cpIndex(String s, int charIndex) {
        return s.codePointCount(0, charIndex);
    }

    static int charIndex(String s, int cpIndex) {
        return s.offsetByCodePoints(0, cpIndex);
    }

    static int indexOf(String s, String needle, long from) {
        int n = Values.cpLength(s);
        if (from < 0) from = 0;
        if (from > n) return needle.isEmpty() ? n : -1;
        int r = s.indexOf(needle, charIndex(s, (int) from));
        return r < 0 ? -1 : cpIndex(s, r);
    }

    static int lastIndexOf(String s, String needle, long from) {
        int n = Values.cpLength(s);
        if (from < 0) return -1;
        if (from > n) from = n;
        int r = s.lastIndexOf(needle, charIndex(s, (int) from));
        return r < 0 ? -1 : cpIndex(s, r);
    }

    static ArrayNode split(Env env, String s, String sep) {
        ArrayNode out = Values.array(8);
        if (sep.isEmpty()) {
            env.checkArray(Values.cpLength(s));
            s.codePoints().forEach(cp -> out.add(Values.of(new String(Character.toChars(cp)))));
            return out;
        }
        int start = 0;
        while (true) {
            int i = s.indexOf(sep, start);
            if (i < 0) break;
            out.add(Values.of(s.substring(start, i)));
            if (out.size() > env.limits.maxArrayElements()) env.checkArray(out.size());
            start = i + sep.length();
        }
        out.add(Values.of(s.substring(start)));
        env.checkArray(out.size());
        return out;
    }

    static String replaceFirst(String s, String a, String b) {
        int i = s.indexOf(a);
        if (i < 0) return s;
        return s.substring(0, i) + b + s.substring(i + a.length());
    }

    /** Literal replace-all; an empty needle inserts b between code points (JS semantics). */
    static String replaceAll(Env env, String s, String a, String b) {
        if (a.isEmpty()) {
            long size = (long) s.length() + (long) b.length() * (Values.cpLength(s) + 1);
            env.checkStringChars(size);
            StringBuilder sb = new StringBuilder(b);
            s.codePoints().forEach(cp -> sb.appendCodePoint(cp).append(b));
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder();
        int start = 0;
        while (true) {
            int i = s.indexOf(a, start);
            if (i < 0) break;
            sb.append(s, start, i).append(b);
            if (sb.length() > env.limits.maxStringCodePoints()) env.checkString(sb.toString());
            start = i + a.length();
        }
        sb.append(s, start, s.length());
        return env.checkString(sb.toString());
    }

    static String pad(Env env, String s, long width, String pad, boolean start) {
        int len = Values.cpLength(s);
        if (width <= len || pad.isEmpty()) return s;
        if (width > env.limits.maxStringCodePoints()) env.checkStringChars(width);
        int need = (int) width - len;
        int[] padCps = pad.codePoints().toArray();
        StringBuilder fill = new StringBuilder();
        for (int i = 0; i < need; i++) fill.appendCodePoint(padCps[i % padCps.length]);
        return start ? fill + s : s + fill;
    }

    static String repeat(Env env, String s, long n) {
        if (n < 0) throw Errors.eval("count must be ≥ 0, got " + n);
        if (n == 0 || s.isEmpty()) return "";
        env.checkStringChars(Math.multiplyHigh(n, Values.cpLength(s)) != 0 ? Long.MAX_VALUE : n * Values.cpLength(s));
        return s.repeat((int) n);
    }
}
