package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.gml.Values.Kind;

import java.util.Locale;

/** INT, FLOAT, toNumber, STRING, BOOL (§9.7). */
final class ConversionFunctions {
    private ConversionFunctions() {}

    static void register() {
        Functions.define("INT", 1, 1, (env, a) -> {
            JsonNode v = a[0];
            return switch (Values.kind(v)) {
                case NULL -> Values.NULL;
                case INTEGER -> v;
                case DECIMAL -> Values.of(MathFunctions.toLong(truncate(v.doubleValue())));
                case BOOLEAN -> Values.of(v.booleanValue() ? 1 : 0);
                case STRING -> {
                    JsonNode n = parseNumber(v.asText().strip());
                    if (n == null) throw Errors.eval("cannot convert '" + Dates.abbreviate(v.asText()) + "' to an integer");
                    yield Values.isInt(n) ? n : Values.of(MathFunctions.toLong(truncate(n.doubleValue())));
                }
                default -> throw Errors.eval("cannot convert " + Values.typeName(v) + " to an integer");
            };
        });
        Functions.define("FLOAT", 1, 1, (env, a) -> {
            JsonNode v = a[0];
            return switch (Values.kind(v)) {
                case NULL -> Values.NULL;
                case INTEGER, DECIMAL -> Values.of(v.doubleValue());
                case BOOLEAN -> Values.of(v.booleanValue() ? 1.0 : 0.0);
                case STRING -> {
                    JsonNode n = parseNumber(v.asText().strip());
                    if (n == null) throw Errors.eval("cannot convert '" + Dates.abbreviate(v.asText()) + "' to a decimal");
                    yield Values.of(n.doubleValue());
                }
                default -> throw Errors.eval("cannot convert " + Values.typeName(v) + " to a decimal");
            };
        });
        Functions.define("toNumber", 1, 1, (env, a) -> {
            JsonNode v = a[0];
            return switch (Values.kind(v)) {
                case NULL -> Values.NULL;
                case INTEGER, DECIMAL -> v;
                case STRING -> {
                    JsonNode n = parseNumber(v.asText().strip());
                    if (n == null) throw Errors.eval("cannot convert '" + Dates.abbreviate(v.asText()) + "' to a number");
                    yield n;
                }
                default -> throw Errors.eval("cannot convert " + Values.typeName(v) + " to a number");
            };
        });
        Functions.define("STRING", 1, 1, (env, a) -> Values.isNull(a[0]) ? Values.NULL : Values.of(StringFunctions.text(env, a[0])));
        Functions.define("BOOL", 1, 1, (env, a) -> {
            JsonNode v = a[0];
            if (v.isTextual()) {
                String s = v.textValue().strip().toLowerCase(Locale.ROOT);
                if (s.equals("true")) return Values.TRUE;
                if (s.equals("false")) return Values.FALSE;
            }
            return Values.of(Values.truthy(v));
        });
    }

    private static double truncate(double d) {
        return d < 0 ? Math.ceil(d) : Math.floor(d);
    }

    /**
     * Strict number text: {@code [+-] digits [. digits] [e [+-] digits]} (also {@code .5}, {@code 5.}).
     * Integer text that fits 64 bits gives an integer, any other number a decimal; Java null when unparsable.
     */
    static JsonNode parseNumber(String s) {
        int n = s.length(), p = 0;
        if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) p++;
        int intStart = p;
        while (p < n && isDigit(s.charAt(p))) p++;
        int intDigits = p - intStart;
        boolean decimal = false;
        int fracDigits = 0;
        if (p < n && s.charAt(p) == '.') {
            decimal = true;
            p++;
            int f = p;
            while (p < n && isDigit(s.charAt(p))) p++;
            fracDigits = p - f;
        }
        if (intDigits == 0 && fracDigits == 0) return null;
        if (p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            decimal = true;
            p++;
            if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) p++;
            int e = p;
            while (p < n && isDigit(s.charAt(p))) p++;
            if (p == e) return null;
        }
        if (p != n) return null;
        if (!decimal) {
            try {
                return Values.of(Long.parseLong(s.charAt(0) == '+' ? s.substring(1) : s));
            } catch (NumberFormatException e) {
                // falls through: too large for 64 bits, a decimal
            }
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) return null;
        return Values.of(d);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
