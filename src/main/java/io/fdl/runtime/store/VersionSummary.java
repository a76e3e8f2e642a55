package io.fdl.runtime.store;

import java.time.Instant;
import java.util.UUID;

/** A version as listed (without its definition). */
public record VersionSummary(UUID id, UUID flowId, int versionNumber, String label, Instant createdAt) {
}
