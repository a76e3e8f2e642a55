package io.fdl.runtime.store;

/** {@code normal}, or {@code test} for mocked runs (tools.md §6). */
public enum ExecutionMode {
    NORMAL, TEST;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ExecutionMode fromWire(String s) {
        for (ExecutionMode v : values()) if (v.wire().equals(s)) return v;
        throw new IllegalArgumentException("unknown execution mode " + s);
    }
}
