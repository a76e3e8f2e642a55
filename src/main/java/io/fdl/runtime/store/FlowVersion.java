package io.fdl.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * An immutable definition of a flow. {@code versionNumber} (1, 2, 3 … per flow) and
 * {@code createdAt} are assigned by the store on {@link FlowVersionRepository#create}.
 *
 * @param fdl          canonical FDL YAML text
 * @param data         the editor graph / normalised JSON model (may be null)
 * @param sourceFormat what the client sent: {@code fdl} or {@code editor-json}
 */
public record FlowVersion(UUID id, UUID flowId, UUID tenantId, int versionNumber, String label,
                          String fdl, JsonNode data, String sourceFormat, Instant createdAt) {

    public static final String FORMAT_FDL = "fdl";
    public static final String FORMAT_EDITOR_JSON = "editor-json";

    /** A version to be created; the store assigns the number and the time. */
    public static FlowVersion create(UUID id, UUID flowId, UUID tenantId, String label, String fdl, JsonNode data,
                                     String sourceFormat) {
        return new FlowVersion(id, flowId, tenantId, 0, label, fdl, data, sourceFormat, null);
    }

    public VersionSummary summary() {
        return new VersionSummary(id, flowId, versionNumber, label, createdAt);
    }
}
