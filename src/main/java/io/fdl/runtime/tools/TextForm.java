package io.fdl.runtime.tools;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** The GML text form of a value (gml.md §2.2), used for query parameters, path segments and text columns. */
public final class TextForm {
    private TextForm() {}

    public static String of(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isTextual()) return v.textValue();
        if (v.isBoolean()) return v.booleanValue() ? "true" : "false";
        if (v.isIntegralNumber()) return v.bigIntegerValue().toString();
        if (v.isNumber()) return number(v);
        return v.toString(); // arrays and objects: compact JSON
    }

    private static String number(JsonNode v) {
        BigDecimal d = v.isBigDecimal() ? v.decimalValue() : BigDecimal.valueOf(v.doubleValue());
        if (d.signum() == 0) return "0";
        return d.stripTrailingZeros().toPlainString();
    }

    /** True for strings, numbers and booleans. */
    public static boolean isScalar(JsonNode v) {
        return v != null && (v.isTextual() || v.isNumber() || v.isBoolean());
    }
}
