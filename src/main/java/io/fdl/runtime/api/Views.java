package io.fdl.runtime.api;

import io.fdl.runtime.api.dto.ExecutionDtos.AsyncExecution;
import io.fdl.runtime.api.dto.ExecutionDtos.EventView;
import io.fdl.runtime.api.dto.ExecutionDtos.ExecutionSummary;
import io.fdl.runtime.api.dto.ExecutionDtos.StatusView;
import io.fdl.runtime.api.dto.ExecutionDtos.SyncExecution;
import io.fdl.runtime.api.dto.FlowDtos.FlowSummary;
import io.fdl.runtime.api.dto.FlowDtos.FlowView;
import io.fdl.runtime.api.dto.FlowDtos.PublishStatus;
import io.fdl.runtime.api.dto.FlowDtos.VersionSummary;
import io.fdl.runtime.api.dto.FlowDtos.VersionView;
import io.fdl.runtime.engine.ExecutionEvent;
import io.fdl.runtime.service.ExecutionResults;
import io.fdl.runtime.service.ExecutionService;
import io.fdl.runtime.service.FlowService.FlowDetail;
import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.Flow;
import io.fdl.runtime.store.FlowVersion;

import java.util.UUID;

/** Domain records → response DTOs (api.md §4–§5). */
public final class Views {
    private Views() {}

    public static FlowSummary summary(io.fdl.runtime.store.FlowSummary s) {
        Flow f = s.flow();
        return new FlowSummary(id(f.id()), f.name(), f.description(), f.thumbnail(), (int) s.versionCount(),
                f.published(), f.publishedAt(), id(f.publishedVersionId()), f.createdAt(), f.updatedAt());
    }

    public static FlowView flow(FlowDetail d) {
        Flow f = d.flow();
        return new FlowView(id(f.id()), id(f.tenantId()), f.name(), f.description(), f.thumbnail(), d.versionCount(),
                f.published(), id(f.publishedVersionId()), f.publishedAt(),
                d.latest() == null ? null : d.latest().versionNumber(), d.latest() == null ? null : id(d.latest().id()),
                f.createdAt(), f.updatedAt());
    }

    static PublishStatus publish(Flow f) {
        return new PublishStatus(id(f.id()), f.name(), f.published(), f.publishedAt(), id(f.publishedVersionId()));
    }

    static VersionSummary version(io.fdl.runtime.store.VersionSummary v) {
        return new VersionSummary(id(v.id()), id(v.flowId()), v.versionNumber(), v.label(), v.createdAt(), null, null);
    }

    /** The creation response: the summary plus whether it validates (and why not). */
    static VersionSummary created(FlowVersion v) {
        return new VersionSummary(id(v.id()), id(v.flowId()), v.versionNumber(), v.label(), v.createdAt(), v.valid(),
                diagnostics(v));
    }

    static VersionView version(FlowVersion v) {
        return new VersionView(id(v.id()), id(v.flowId()), v.versionNumber(), v.label(), v.createdAt(), v.fdl(),
                v.data(), v.sourceFormat(), v.valid(), diagnostics(v));
    }

    private static com.fasterxml.jackson.databind.JsonNode diagnostics(FlowVersion v) {
        return v.diagnostics() != null ? v.diagnostics() : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }

    static String flowId(UUID flowId) {
        return flowId == null ? ExecutionService.DIRECT : flowId.toString();
    }

    static SyncExecution sync(Execution e) {
        return new SyncExecution(id(e.id()), flowId(e.flowId()), e.flowName(), e.status().wire(), e.mode().wire(),
                e.result());
    }

    static AsyncExecution async(Execution e) {
        return new AsyncExecution(id(e.id()), flowId(e.flowId()), e.flowName(), e.status().wire());
    }

    public static StatusView status(Execution e) {
        boolean finished = e.status().terminal();
        return new StatusView(id(e.id()), flowId(e.flowId()), id(e.versionId()), e.flowName(), e.status().wire(),
                e.progress(), e.currentNodes().isEmpty() ? null : e.currentNodes().get(0), e.currentNodes(),
                finished ? e.result() : null,
                e.error() != null ? e.error() : ExecutionResults.errorMessage(e.result()),
                e.errorDetail(), e.startedAt(), e.completedAt(), e.mode().wire(), e.inputs());
    }

    static ExecutionSummary summary(io.fdl.runtime.store.ExecutionSummary s) {
        return new ExecutionSummary(id(s.id()), flowId(s.flowId()), s.flowName(), s.status().wire(), s.progress(),
                s.startedAt(), s.completedAt(), s.durationMs(), s.mode().wire());
    }

    static EventView event(ExecutionEvent e) {
        return new EventView(e.executionId(), e.seq(), e.type().wire(), e.nodeId(), e.data(), e.timestamp());
    }

    private static String id(UUID id) {
        return id == null ? null : id.toString();
    }
}
