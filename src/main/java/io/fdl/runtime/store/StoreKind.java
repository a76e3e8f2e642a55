package io.fdl.runtime.store;

/** Which adapter is active (health: {@code storage: "memory"|"postgres"}); injectable as a bean. */
public enum StoreKind {
    MEMORY, POSTGRES;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
