package io.fdl.runtime.gml;

import io.fdl.runtime.gml.Callables.Function;
import io.fdl.runtime.gml.Callables.FunctionDef;

import java.util.HashMap;
import java.util.Map;

/**
 * Registry of the built-in functions of §9, keyed by upper-case name (names are case-insensitive).
 * IF and COALESCE are lazy and compiled specially by {@link Compiler}.
 */
final class Functions {
    private Functions() {}

    private static final Map<String, FunctionDef> DEFS = new HashMap<>();

    /** Registration callback used by the per-area classes. */
    static void define(String name, int min, int max, Function impl) {
        DEFS.put(name.toUpperCase(java.util.Locale.ROOT), new FunctionDef(name, min, max, impl));
    }

    static {
        DateFunctions.register();
        AggregateFunctions.register();
        MathFunctions.register();
        StringFunctions.register();
        ConversionFunctions.register();
        JsonFunctions.register();
    }

    static FunctionDef lookup(String upperName) {
        return DEFS.get(upperName);
    }

    /** Whether a function of that name exists (IF and COALESCE included). */
    static boolean exists(String name) {
        String u = name.toUpperCase(java.util.Locale.ROOT);
        return DEFS.containsKey(u) || u.equals("IF") || u.equals("COALESCE");
    }
}
