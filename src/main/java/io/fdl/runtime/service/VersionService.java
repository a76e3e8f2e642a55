package io.fdl.runtime.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.engine.CompiledFlow;
import io.fdl.runtime.fdl.ParseResult;
import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.FlowVersion;
import io.fdl.runtime.store.FlowVersionRepository;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.Transactions;
import io.fdl.runtime.store.VersionSummary;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Immutable flow versions (api.md §4, editor-json.md §4). A definition is parsed, validated and
 * compiled before anything is stored; an invalid one is a 422 with all diagnostics and nothing is
 * written. Both representations are kept: the text as submitted (YAML) or the graph as submitted
 * (editor JSON), plus the generated other one.
 */
@ApplicationScoped
public class VersionService {
    public static final int MAX_LABEL = 200;

    /**
     * A parsed, compiled definition with both of its representations; or, for an editor draft that
     * does not validate, the graph with its diagnostics ({@code fdl} and {@code compiled} null).
     */
    public record Prepared(String fdl, JsonNode data, String sourceFormat, CompiledFlow compiled, JsonNode diagnostics) {
        Prepared(String fdl, JsonNode data, String sourceFormat, CompiledFlow compiled) {
            this(fdl, data, sourceFormat, compiled, null);
        }

        boolean valid() { return compiled != null; }
    }

    private final FlowService flowService;
    private final FlowVersionRepository versions;
    private final Definitions definitions;
    private final DefinitionCache cache;
    private final Transactions tx;
    private final Audit audit;

    @Inject
    public VersionService(FlowService flowService, FlowVersionRepository versions, Definitions definitions,
                          DefinitionCache cache, Transactions tx, Audit audit) {
        this.flowService = flowService;
        this.versions = versions;
        this.definitions = definitions;
        this.cache = cache;
        this.tx = tx;
        this.audit = audit;
    }

    public Uni<List<VersionSummary>> list(Caller caller, UUID flowId) {
        return flowService.find(caller, flowId).chain(() -> versions.list(caller.tenantId(), flowId));
    }

    public Uni<FlowVersion> get(Caller caller, UUID flowId, UUID versionId) {
        return versions.find(caller.tenantId(), flowId, versionId)
                .map(o -> o.orElseThrow(() -> Ids.notFound("Version")));
    }

    public Uni<FlowVersion> create(Caller caller, UUID flowId, String fdl, JsonNode data, String label) {
        if (label != null && label.length() > MAX_LABEL) {
            throw ApiException.badRequest("BAD_REQUEST", "label is longer than " + MAX_LABEL + " characters");
        }
        requireOneDefinition(fdl, data);
        return flowService.find(caller, flowId)
                .chain(() -> Offload.cpu(() -> fdl != null ? prepare(fdl, null) : prepareDraft(data)))
                .chain(p -> tx.inTransaction(() -> versions.create(p.valid()
                                ? FlowVersion.create(UUID.randomUUID(), flowId, caller.tenantId(), label, p.fdl(), p.data(),
                                p.sourceFormat())
                                : FlowVersion.draft(UUID.randomUUID(), flowId, caller.tenantId(), label, p.data(), p.diagnostics()))
                        .map(o -> o.orElseThrow(() -> Ids.notFound("Flow")))
                        .call(v -> audit.record(caller, "version.create", "version", v.id(),
                                Map.of("flow_id", flowId.toString(), "version_number", v.versionNumber(), "valid", v.valid()))))
                        .invoke(v -> { if (p.valid()) cache.put(v.id(), p.compiled()); }));
    }

    public Uni<Void> delete(Caller caller, UUID flowId, UUID versionId) {
        return tx.inTransaction(() -> versions.delete(caller.tenantId(), flowId, versionId)
                        .invoke(deleted -> { if (!deleted) throw Ids.notFound("Version"); })
                        .call(() -> audit.record(caller, "version.delete", "version", versionId,
                                Map.of("flow_id", flowId.toString()))))
                .onFailure(StoreConflictException.class).transform(e ->
                        Constraints.FLOW_PUBLISHED_VERSION.equals(((StoreConflictException) e).constraint())
                                ? ApiException.conflict("VERSION_PUBLISHED",
                                "The published version cannot be deleted; unpublish or publish another version first")
                                : e)
                .invoke(() -> cache.evict(versionId))
                .replaceWithVoid();
    }

    /** Lint without storing: parse + validate only. */
    public Uni<ParseResult> validate(String fdl, JsonNode data) {
        requireOneDefinition(fdl, data);
        return Offload.cpu(() -> fdl != null ? definitions.parseYaml(fdl) : definitions.parseEditor(data));
    }

    /**
     * Parses, validates and compiles a definition given as YAML or as the editor graph; 422 with
     * diagnostics when invalid. Runs CPU-bound: call it through {@link Offload}.
     */
    public Prepared prepare(String fdl, JsonNode data) {
        if (fdl != null) {
            ParseResult r = definitions.parseYaml(fdl);
            if (!r.ok()) throw DiagnosticViews.invalidFlow(r);
            return new Prepared(fdl, definitions.toEditor(r.flow()), FlowVersion.FORMAT_FDL, definitions.compile(r.flow()));
        }
        ParseResult r = definitions.parseEditor(data);
        if (!r.ok()) throw DiagnosticViews.invalidFlow(r);
        return new Prepared(definitions.toYaml(r.flow()), data, FlowVersion.FORMAT_EDITOR_JSON,
                definitions.compile(r.flow()));
    }

    /**
     * The editor autosaves every edit, half-built graphs included (editor-json.md §6): a graph of the
     * editor's shape is kept as a draft even when it does not validate. Anything else is 422 as before.
     */
    Prepared prepareDraft(JsonNode data) {
        ParseResult r = definitions.parseEditor(data);
        if (r.ok()) {
            return new Prepared(definitions.toYaml(r.flow()), data, FlowVersion.FORMAT_EDITOR_JSON, definitions.compile(r.flow()));
        }
        if (!editorShape(data)) throw DiagnosticViews.invalidFlow(r);
        return new Prepared(null, data, FlowVersion.FORMAT_EDITOR_JSON, null, DiagnosticViews.json(r.diagnostics()));
    }

    /** An object whose {@code nodes} and {@code edges}, when present, are arrays of objects. */
    static boolean editorShape(JsonNode g) {
        if (g == null || !g.isObject()) return false;
        for (String key : List.of("nodes", "edges")) {
            JsonNode list = g.get(key);
            if (list == null || list.isNull()) continue;
            if (!list.isArray()) return false;
            for (JsonNode item : list) if (!item.isObject()) return false;
        }
        return true;
    }

    static void requireOneDefinition(String fdl, JsonNode data) {
        requireOneDefinition(fdl, data, "data");
    }

    /** Exactly one of the YAML text or the editor graph (named {@code graphField} in the request). */
    public static void requireOneDefinition(String fdl, JsonNode graph, String graphField) {
        boolean hasFdl = fdl != null;
        boolean hasGraph = graph != null && !graph.isNull();
        if (hasFdl == hasGraph) {
            throw ApiException.badRequest("BAD_REQUEST",
                    "give exactly one of fdl (YAML text) or " + graphField + " (editor JSON)");
        }
        if (hasGraph && !graph.isObject()) {
            throw ApiException.badRequest("BAD_REQUEST", graphField + " must be a JSON object");
        }
    }
}
