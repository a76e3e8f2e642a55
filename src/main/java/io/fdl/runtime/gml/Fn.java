package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled lambda (§6.9). Parameters live in fixed slots: a lambda can never re-enter itself
 * (there is no user recursion), so no frame has to be saved.
 */
final class Fn {
    private final int[] slots;
    private final Eval body;

    Fn(int[] slots, Eval body) {
        this.slots = slots;
        this.body = body;
    }

    int arity() {
        return slots.length;
    }

    JsonNode call(Env env, JsonNode a) {
        return call(env, a, null, null);
    }

    JsonNode call(Env env, JsonNode a, JsonNode b) {
        return call(env, a, b, null);
    }

    JsonNode call(Env env, JsonNode a, JsonNode b, JsonNode c) {
        env.step();
        env.enter();
        JsonNode[] s = env.slots;
        int n = slots.length;
        if (n > 0) s[slots[0]] = a == null ? Values.NULL : a;
        if (n > 1) s[slots[1]] = b == null ? Values.NULL : b;
        if (n > 2) s[slots[2]] = c == null ? Values.NULL : c;
        for (int i = 3; i < n; i++) s[slots[i]] = Values.NULL;
        JsonNode r = body.eval(env);
        env.exit();
        return r;
    }
}
