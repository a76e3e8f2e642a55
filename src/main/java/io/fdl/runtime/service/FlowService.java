package io.fdl.runtime.service;

import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.store.Flow;
import io.fdl.runtime.store.FlowRepository;
import io.fdl.runtime.store.FlowSummary;
import io.fdl.runtime.store.FlowVersionRepository;
import io.fdl.runtime.store.Page;
import io.fdl.runtime.store.Transactions;
import io.fdl.runtime.store.VersionSummary;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Flows as named containers of versions (api.md §4): CRUD and publishing. Every lookup is scoped to
 * the caller's tenant; another tenant's flow is simply not found.
 */
@ApplicationScoped
public class FlowService {
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 10_000;
    /** thumbnails are small data URLs or links written by the editor */
    public static final int MAX_THUMBNAIL = 512 * 1024;

    /** A flow with what its detail view needs besides the row. */
    public record FlowDetail(Flow flow, int versionCount, VersionSummary latest) {}

    private final FlowRepository flows;
    private final FlowVersionRepository versions;
    private final Transactions tx;
    private final Audit audit;
    private final DefinitionCache cache;

    @Inject
    public FlowService(FlowRepository flows, FlowVersionRepository versions, Transactions tx, Audit audit,
                       DefinitionCache cache) {
        this.flows = flows;
        this.versions = versions;
        this.tx = tx;
        this.audit = audit;
        this.cache = cache;
    }

    public Uni<Page<FlowSummary>> list(Caller caller, String q, Boolean published, int limit, int offset) {
        Paging.check(limit, offset);
        return flows.list(caller.tenantId(), q == null ? null : q.strip(), published, limit, offset);
    }

    /** A flow with its latest version (WebSocket {@code flow.get}); the version is null when there is none. */
    public Uni<FlowWithLatest> withLatest(Caller caller, UUID flowId) {
        return detail(caller, flowId).chain(d -> versions.latest(caller.tenantId(), flowId)
                .map(v -> new FlowWithLatest(d, v.orElse(null))));
    }

    public record FlowWithLatest(FlowDetail detail, io.fdl.runtime.store.FlowVersion latest) {}

    public Uni<Flow> create(Caller caller, String name, String description) {
        String n = requireName(name);
        checkLength("description", description, MAX_DESCRIPTION);
        Flow flow = Flow.create(UUID.randomUUID(), caller.tenantId(), n, description);
        return audit.checkFlowQuota(caller)
                .chain(() -> tx.inTransaction(() -> flows.create(flow)
                        .call(f -> audit.record(caller, "flow.create", "flow", f.id(), null))));
    }

    public Uni<Flow> find(Caller caller, UUID flowId) {
        return flows.find(caller.tenantId(), flowId)
                .map(o -> o.orElseThrow(() -> Ids.notFound("Flow")));
    }

    public Uni<java.util.Optional<Flow>> findOptional(Caller caller, UUID flowId) {
        return flows.find(caller.tenantId(), flowId);
    }

    public Uni<FlowDetail> detail(Caller caller, UUID flowId) {
        return find(caller, flowId).chain(f -> versions.list(caller.tenantId(), flowId)
                .map(list -> detail(f, list)));
    }

    public static FlowDetail detail(Flow f, List<VersionSummary> list) {
        return new FlowDetail(f, list.size(), list.isEmpty() ? null : list.get(0));
    }

    /** Changes only the fields given (null = keep). */
    public Uni<FlowDetail> update(Caller caller, UUID flowId, String name, String description, String thumbnail) {
        String n = name == null ? null : requireName(name);
        checkLength("description", description, MAX_DESCRIPTION);
        checkLength("thumbnail", thumbnail, MAX_THUMBNAIL);
        return tx.inTransaction(() -> find(caller, flowId)
                .chain(f -> flows.update(f.withDetails(n != null ? n : f.name(),
                        description != null ? description : f.description(),
                        thumbnail != null ? thumbnail : f.thumbnail())))
                .map(o -> o.orElseThrow(() -> Ids.notFound("Flow")))
                .call(f -> audit.record(caller, "flow.update", "flow", flowId, null)))
                .chain(f -> versions.list(caller.tenantId(), flowId).map(list -> detail(f, list)));
    }

    public Uni<Void> delete(Caller caller, UUID flowId) {
        return versions.list(caller.tenantId(), flowId).chain(list -> tx.inTransaction(() ->
                flows.delete(caller.tenantId(), flowId)
                        .invoke(deleted -> { if (!deleted) throw Ids.notFound("Flow"); })
                        .call(() -> audit.record(caller, "flow.delete", "flow", flowId, null)))
                .invoke(() -> list.forEach(v -> cache.evict(v.id()))))
                .replaceWithVoid();
    }

    public Uni<Flow> publish(Caller caller, UUID flowId, UUID versionId) {
        return tx.inTransaction(() -> find(caller, flowId)
                .chain(() -> versions.find(caller.tenantId(), flowId, versionId))
                .invoke(v -> {
                    // an editor draft that does not validate cannot be published (editor-json.md §6)
                    if (v.isPresent() && !v.get().valid()) throw DiagnosticViews.invalidVersion(v.get());
                })
                .chain(() -> flows.publish(caller.tenantId(), flowId, versionId, Instant.now()))
                .map(o -> o.orElseThrow(() -> Ids.notFound("Version")))
                .call(f -> audit.record(caller, "flow.publish", "flow", flowId,
                        java.util.Map.of("version_id", versionId.toString()))));
    }

    public Uni<Flow> unpublish(Caller caller, UUID flowId) {
        return tx.inTransaction(() -> flows.unpublish(caller.tenantId(), flowId)
                .map(o -> o.orElseThrow(() -> Ids.notFound("Flow")))
                .call(f -> audit.record(caller, "flow.unpublish", "flow", flowId, null)));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) throw ApiException.badRequest("BAD_REQUEST", "name is required");
        String n = name.strip();
        checkLength("name", n, MAX_NAME);
        return n;
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.badRequest("BAD_REQUEST", field + " is longer than " + max + " characters");
        }
    }
}
