package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** The GML text form of a value (gml.md §2.2) for scalars and compact JSON for containers. */
public final class TextForm {
    private TextForm() {}

    public static String of(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return "null";
        if (v.isTextual()) return v.textValue();
        if (v.isBoolean()) return v.booleanValue() ? "true" : "false";
        if (v.isIntegralNumber() && v.canConvertToLong()) return Long.toString(v.longValue());
        if (v.isNumber()) return decimal(v.doubleValue());
        return v.toString();
    }

    /** {@code BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()}, {@code -0.0} → {@code 0}. */
    public static String decimal(double d) {
        if (d == 0) return "0";
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
