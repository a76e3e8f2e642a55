package io.fdl.runtime.store;

import java.util.EnumSet;
import java.util.Set;

/** api.md §5 execution statuses; {@link #wire()} is the stored and JSON form. */
public enum ExecutionStatus {
    PENDING, RUNNING, WAITING, COMPLETED, FAILED, CANCELLED;

    /** Statuses of an execution that has not finished yet. */
    public static final Set<ExecutionStatus> ACTIVE = EnumSet.of(PENDING, RUNNING, WAITING);

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean terminal() {
        return !ACTIVE.contains(this);
    }

    public static ExecutionStatus fromWire(String s) {
        for (ExecutionStatus v : values()) if (v.wire().equals(s)) return v;
        throw new IllegalArgumentException("unknown execution status " + s);
    }
}
