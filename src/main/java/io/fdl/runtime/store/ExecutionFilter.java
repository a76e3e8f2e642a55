package io.fdl.runtime.store;

import java.util.UUID;

/** Filters of the execution list; null means "any". */
public record ExecutionFilter(UUID flowId, ExecutionStatus status) {
    public static final ExecutionFilter ALL = new ExecutionFilter(null, null);
}
