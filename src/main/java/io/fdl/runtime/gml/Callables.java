package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

/** Shapes of built-ins: functions (§9) take evaluated arguments, methods (§10) a receiver and {@link Args}. */
final class Callables {
    private Callables() {}

    @FunctionalInterface
    interface Function {
        JsonNode apply(Env env, JsonNode[] args);
    }

    @FunctionalInterface
    interface Method {
        JsonNode call(Env env, JsonNode receiver, Args args);
    }

    /** A function with its accepted argument counts (max -1: unbounded). */
    record FunctionDef(String name, int min, int max, Function impl) {
        boolean accepts(int n) {
            return n >= min && (max < 0 || n <= max);
        }

        String arity() {
            if (max < 0) return min + " or more arguments";
            if (min == max) return min + (min == 1 ? " argument" : " arguments");
            return min + " to " + max + " arguments";
        }
    }

    record MethodDef(String name, int min, int max, Method impl) {
        boolean accepts(int n) {
            return n >= min && (max < 0 || n <= max);
        }
    }
}
