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
 * @param valid        false for an editor draft that does not validate (no {@code fdl}; not runnable)
 * @param diagnostics  the diagnostics of an invalid draft (JSON array), else null
 */
public record FlowVersion(UUID id, UUID flowId, UUID tenantId, int versionNumber, String label,
                          String fdl, JsonNode data, String sourceFormat, Instant createdAt, boolean valid,
                          JsonNode diagnostics) {

    /** A valid version. */
    public FlowVersion(UUID id, UUID flowId, UUID tenantId, int versionNumber, String label, String fdl, JsonNode data,
                       String sourceFormat, Instant createdAt) {
        this(id, flowId, tenantId, versionNumber, label, fdl, data, sourceFormat, createdAt, true, null);
    }

    /** An editor draft that does not validate, to be created; the store assigns the number and the time. */
    public static FlowVersion draft(UUID id, UUID flowId, UUID tenantId, String label, JsonNode data, JsonNode diagnostics) {
        return new FlowVersion(id, flowId, tenantId, 0, label, null, data, FORMAT_EDITOR_JSON, null, false, diagnostics);
    }

    /** The same version with the number and time the store assigned. */
    public FlowVersion stored(int number, Instant at, JsonNode dataCopy, JsonNode diagnosticsCopy) {
        return new FlowVersion(id, flowId, tenantId, number, label, fdl, dataCopy, sourceFormat, at, valid, diagnosticsCopy);
    }

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
