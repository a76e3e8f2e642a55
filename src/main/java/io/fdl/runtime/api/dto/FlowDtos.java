package io.fdl.runtime.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of /api/flows/** (api.md §4). JSON names are snake_case. */
public final class FlowDtos {
    private FlowDtos() {}

    @RegisterForReflection
    @Schema(name = "CreateFlowRequest")
    public record CreateFlowRequest(@Schema(required = true) String name, String description) {}

    @RegisterForReflection
    @Schema(name = "UpdateFlowRequest", description = "Only the fields present are changed")
    public record UpdateFlowRequest(String name, String description, String thumbnail) {}

    @RegisterForReflection
    @Schema(name = "FlowSummary")
    public record FlowSummary(String id, String name, String description, String thumbnail,
                              @JsonProperty("version_count") int versionCount, boolean published,
                              @JsonProperty("published_at") Instant publishedAt,
                              @JsonProperty("published_version_id") String publishedVersionId,
                              @JsonProperty("created_at") Instant createdAt,
                              @JsonProperty("updated_at") Instant updatedAt) {}

    @RegisterForReflection
    @Schema(name = "FlowList")
    public record FlowList(List<FlowSummary> flows, long total, int limit, int offset) {}

    /** A flow with its tenant, latest version number and published version (api.md §4). */
    @RegisterForReflection
    @Schema(name = "Flow")
    public record FlowView(String id, @JsonProperty("tenant_id") String tenantId, String name, String description,
                           String thumbnail, @JsonProperty("version_count") int versionCount, boolean published,
                           @JsonProperty("published_version_id") String publishedVersionId,
                           @JsonProperty("published_at") Instant publishedAt,
                           @Schema(description = "version_number of the newest version, null when there is none")
                           @JsonProperty("latest_version") Integer latestVersion,
                           @JsonProperty("latest_version_id") String latestVersionId,
                           @JsonProperty("created_at") Instant createdAt,
                           @JsonProperty("updated_at") Instant updatedAt) {}

    @RegisterForReflection
    public record DeleteFlowResponse(boolean success, @JsonProperty("deleted_id") String deletedId) {}

    @RegisterForReflection
    @Schema(name = "CreateVersionRequest", description = "Exactly one of fdl (YAML text) or data (editor JSON graph)")
    public record CreateVersionRequest(String fdl, JsonNode data, String label) {}

    /** {@code valid}/{@code diagnostics} are given in the creation response (editor drafts, editor-json.md §6). */
    @RegisterForReflection
    @Schema(name = "VersionSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionSummary(String id, @JsonProperty("flow_id") String flowId,
                                 @JsonProperty("version_number") int versionNumber, String label,
                                 @JsonProperty("created_at") Instant createdAt,
                                 @Schema(description = "false: a stored editor draft that does not validate") Boolean valid,
                                 @Schema(description = "diagnostics of an invalid draft") JsonNode diagnostics) {}

    @RegisterForReflection
    public record VersionList(@JsonProperty("flow_id") String flowId, List<VersionSummary> versions, long total) {}

    /** A version with both representations (editor-json.md §4). */
    @RegisterForReflection
    @Schema(name = "Version")
    public record VersionView(String id, @JsonProperty("flow_id") String flowId,
                              @JsonProperty("version_number") int versionNumber, String label,
                              @JsonProperty("created_at") Instant createdAt,
                              @Schema(description = "FDL YAML text") String fdl,
                              @Schema(description = "editor JSON graph") JsonNode data,
                              @Schema(description = "fdl or data: the form the version was created from")
                              @JsonProperty("source_format") String sourceFormat,
                              @Schema(description = "false: an editor draft that does not validate (fdl is null; not runnable)")
                              boolean valid,
                              @Schema(description = "diagnostics of an invalid draft, else empty") JsonNode diagnostics) {}

    @RegisterForReflection
    public record DeleteVersionResponse(boolean success, @JsonProperty("flow_id") String flowId,
                                        @JsonProperty("deleted_version_id") String deletedVersionId) {}

    @RegisterForReflection
    public record PublishRequest(@JsonProperty("version_id") String versionId) {}

    @RegisterForReflection
    @Schema(name = "PublishStatus")
    public record PublishStatus(String id, String name, boolean published,
                                @JsonProperty("published_at") Instant publishedAt,
                                @JsonProperty("published_version_id") String publishedVersionId) {}

    @RegisterForReflection
    @Schema(name = "ValidateRequest", description = "Exactly one of fdl (YAML text) or data (editor JSON graph)")
    public record ValidateRequest(String fdl, JsonNode data) {}

    @RegisterForReflection
    @Schema(name = "ValidateResponse")
    public record ValidateResponse(boolean valid, List<DiagnosticView> diagnostics) {}

    /** fdl.md §12: 1-based line/column, node id or null, document path. */
    @RegisterForReflection
    @Schema(name = "Diagnostic")
    public record DiagnosticView(String severity, String code, String message, Integer line, Integer column,
                                 String node, String path) {}
}
