package io.fdl.runtime.service;

import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.engine.CompiledFlow;
import io.fdl.runtime.engine.FlowCompiler;
import io.fdl.runtime.fdl.ParseResult;
import io.fdl.runtime.store.FlowVersion;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Compiled definitions by version id (compile once, run many). Versions are immutable, so an entry
 * never goes stale; the cache is bounded (LRU) so a tenant with thousands of versions cannot grow
 * memory without limit. A miss re-parses the stored YAML and compiles it.
 */
@ApplicationScoped
public class DefinitionCache {
    private static final Logger LOG = Logger.getLogger(DefinitionCache.class);

    private final Definitions definitions;
    private final FlowCompiler cache;

    @Inject
    public DefinitionCache(Definitions definitions,
                           @ConfigProperty(name = "fdl.definition-cache-size", defaultValue = "1000") int size) {
        this.definitions = definitions;
        this.cache = new FlowCompiler(size);
    }

    /** The compiled version: at once when cached, else compiled on a worker thread (never on an event loop). */
    public Uni<CompiledFlow> compiled(FlowVersion version) {
        CompiledFlow hit = cache.cached(version.id().toString());
        return hit != null ? Uni.createFrom().item(hit) : Offload.cpu(() -> get(version));
    }

    public CompiledFlow get(FlowVersion version) {
        if (!version.valid()) throw DiagnosticViews.invalidVersion(version); // drafts are never cached
        return cache.get(version.id().toString(), () -> compile(version));
    }

    /** Seeds the cache right after a version was saved (its model is already at hand). */
    public void put(UUID versionId, CompiledFlow compiled) {
        cache.get(versionId.toString(), () -> compiled);
    }

    public void evict(UUID versionId) {
        cache.invalidate(versionId.toString());
    }

    public int size() {
        return cache.size();
    }

    /** 422 for a draft that does not validate (editor-json.md §6); else the compiled definition. */
    private CompiledFlow compile(FlowVersion version) {
        if (!version.valid()) throw DiagnosticViews.invalidVersion(version);
        // an editor graph is compiled from the graph itself: its node ids map to the same names (NodeIds)
        ParseResult parsed = FlowVersion.FORMAT_EDITOR_JSON.equals(version.sourceFormat()) && version.data() != null
                ? definitions.parseEditor(version.data()) : definitions.parseYaml(version.fdl());
        if (!parsed.ok()) {
            // stored versions were valid when saved; a later, stricter validator may reject one
            LOG.errorf("stored version %s no longer validates: %s", version.id(), parsed.errors());
            throw new ApiException(422, "INVALID_FLOW", "The stored version is no longer valid")
                    .with("diagnostics", DiagnosticViews.views(parsed.diagnostics()));
        }
        return definitions.compile(parsed.flow());
    }
}
