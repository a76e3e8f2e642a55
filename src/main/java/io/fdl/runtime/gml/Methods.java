package io.fdl.runtime.gml;

import io.fdl.runtime.gml.Callables.Method;
import io.fdl.runtime.gml.Callables.MethodDef;
import io.fdl.runtime.gml.Values.Kind;

import java.util.HashMap;
import java.util.Map;

/** Registry of the methods of §10 by name and receiver kind (names are case-sensitive). */
final class Methods {
    private Methods() {}

    /** The implementations of one method name for each receiver kind that has it. */
    static final class Entry {
        MethodDef array, object, string;

        MethodDef forKind(Kind k) {
            return switch (k) {
                case ARRAY -> array;
                case OBJECT -> object;
                case STRING -> string;
                default -> null;
            };
        }
    }

    private static final Map<String, Entry> ENTRIES = new HashMap<>();

    static void array(String name, int min, int max, Method m) {
        ENTRIES.computeIfAbsent(name, k -> new Entry()).array = new MethodDef(name, min, max, m);
    }

    static void object(String name, int min, int max, Method m) {
        ENTRIES.computeIfAbsent(name, k -> new Entry()).object = new MethodDef(name, min, max, m);
    }

    static void string(String name, int min, int max, Method m) {
        ENTRIES.computeIfAbsent(name, k -> new Entry()).string = new MethodDef(name, min, max, m);
    }

    static {
        ArrayMethods.register();
        ArrayTransforms.register();
        ArrayOrdering.register();
        ObjectMethods.register();
        StringMethods.register();
        DateFunctions.registerMethods();
    }

    static Entry lookup(String name) {
        return ENTRIES.get(name);
    }
}
