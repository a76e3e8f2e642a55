package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

/** Evaluated method arguments; a lambda argument has a {@link Fn} and no value. */
final class Args {
    static final Args NONE = new Args(new JsonNode[0], new Fn[0], "");

    private final JsonNode[] values;
    private final Fn[] fns;
    /** Method name, for error messages. */
    final String method;

    Args(JsonNode[] values, Fn[] fns, String method) {
        this.values = values;
        this.fns = fns;
        this.method = method;
    }

    int size() {
        return values.length;
    }

    boolean isFn(int i) {
        return i < fns.length && fns[i] != null;
    }

    Fn fn(int i) {
        return fns[i];
    }

    /** Argument i as a value (null when absent); a lambda here is an error. */
    JsonNode get(int i) {
        if (i >= values.length) return Values.NULL;
        if (fns[i] != null) throw Errors.eval(method + ": argument " + (i + 1) + " cannot be a lambda");
        return values[i];
    }

    boolean has(int i) {
        return i < values.length;
    }
}
