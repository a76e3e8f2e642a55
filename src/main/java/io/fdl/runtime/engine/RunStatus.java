package io.fdl.runtime.engine;

/** Lifecycle of a run; {@code WAITING} = running, but every running node is a wait or a retry back-off. */
public enum RunStatus {
    RUNNING("running"), WAITING("waiting"), COMPLETED("completed"), FAILED("failed"), CANCELLED("cancelled");

    private final String wire;

    RunStatus(String wire) { this.wire = wire; }

    public String wire() { return wire; }

    public boolean finished() { return this == COMPLETED || this == FAILED || this == CANCELLED; }
}
