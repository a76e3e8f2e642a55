package io.fdl.runtime.store;

/** A flow as listed: the flow plus how many versions it has. */
public record FlowSummary(Flow flow, long versionCount) {
}
