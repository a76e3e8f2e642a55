package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.gml.Values.Kind;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** ROUND, FLOOR, CEIL, ABS (§9.3). */
final class MathFunctions {
    private MathFunctions() {}

    static void register() {
        Functions.define("ROUND", 1, 2, (env, a) -> {
            if (Values.isNull(a[0])) return Values.NULL;
            Kind k = number(a[0]);
            long digits = a.length == 2 && !Values.isNull(a[1]) ? Values.integral(a[1], "the number of decimals") : 0;
            if (digits > 1000 || digits < -1000) throw Errors.eval("the number of decimals is out of range: " + digits);
            BigDecimal bd = k == Kind.INTEGER ? BigDecimal.valueOf(a[0].longValue()) : new BigDecimal(Values.decimalText(a[0].doubleValue()));
            BigDecimal r = bd.setScale((int) digits, RoundingMode.HALF_UP);
            if (digits > 0) return Ops.decimal(r.doubleValue(), "ROUND");
            try {
                return Values.of(r.longValueExact());
            } catch (ArithmeticException e) {
                throw Errors.eval("result does not fit in a 64-bit integer");
            }
        });
        Functions.define("FLOOR", 1, 1, (env, a) -> toward(a[0], Math::floor));
        Functions.define("CEIL", 1, 1, (env, a) -> toward(a[0], Math::ceil));
        Functions.define("ABS", 1, 1, (env, a) -> {
            if (Values.isNull(a[0])) return Values.NULL;
            if (number(a[0]) == Kind.INTEGER) {
                long v = a[0].longValue();
                if (v == Long.MIN_VALUE) throw Errors.eval("integer overflow");
                return Values.of(Math.abs(v));
            }
            return Values.of(Math.abs(a[0].doubleValue()));
        });
    }

    private static Kind number(JsonNode v) {
        Kind k = Values.kind(v);
        if (k != Kind.INTEGER && k != Kind.DECIMAL) throw Errors.eval("expected a number, got " + Values.typeName(v));
        return k;
    }

    private static JsonNode toward(JsonNode v, java.util.function.DoubleUnaryOperator f) {
        if (Values.isNull(v)) return Values.NULL;
        if (number(v) == Kind.INTEGER) return v;
        return Values.of(toLong(f.applyAsDouble(v.doubleValue())));
    }

    /** A whole double as a long, or an error when it is outside the 64-bit range. */
    static long toLong(double d) {
        if (d >= 9.223372036854775807E18 || d < -9.223372036854775808E18 || Double.isNaN(d)) {
            throw Errors.eval("value " + Values.decimalText(d) + " does not fit in a 64-bit integer");
        }
        return (long) d;
    }
}
