package io.fdl.runtime.engine;

import io.fdl.runtime.fdl.Flow;
import io.fdl.runtime.fdl.Inputs;
import io.fdl.runtime.fdl.Outputs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Turns a validated {@link Flow} into a {@link CompiledFlow} (graph as arrays, ARCHITECTURE.md
 * principle 1) and caches the result per definition key (a version id, or a content hash for
 * direct runs) in a small LRU, so a definition is compiled once and run many times.
 */
public final class FlowCompiler {
    private final int capacity;
    private final Map<String, CompiledFlow> cache;

    public FlowCompiler(int capacity) {
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, CompiledFlow> e) { return size() > FlowCompiler.this.capacity; }
        };
    }

    /** Compiles without caching; inputs and result shaping by the fdl type system in the UTC runtime zone. */
    public static CompiledFlow compile(Flow flow) {
        return compile(flow, java.time.ZoneOffset.UTC);
    }

    /** As {@link #compile(Flow)} with the deployment's runtime zone (date coercion, gml.md §11.1). */
    public static CompiledFlow compile(Flow flow, java.time.ZoneId zone) {
        return compile(flow,
                (supplied, tenantId, buCode) -> {
                    Inputs.Result r = Inputs.prepare(flow, supplied, tenantId, buCode, zone);
                    return new CompiledFlow.Prepared(r.values(), r.problems());
                },
                value -> {
                    Outputs.Result r = Outputs.shape(flow, value, zone);
                    return new CompiledFlow.Shaped(r.value(), r.problems());
                });
    }

    /** Compiles without caching, with explicit input preparation and shaping. */
    public static CompiledFlow compile(Flow flow, CompiledFlow.InputPreparer inputs, CompiledFlow.OutputShaper output) {
        Objects.requireNonNull(flow, "flow");
        CompiledBlock top = CompiledBlock.compile(flow.block());
        return new CompiledFlow(flow, top, inputs, output, top.deepSize());
    }

    /** The cached compiled form for {@code key}, or null. */
    public CompiledFlow cached(String key) {
        synchronized (cache) {
            return cache.get(key);
        }
    }

    /** The cached compiled form for {@code key}, compiling with {@code compiler} on a miss. */
    public CompiledFlow get(String key, Supplier<CompiledFlow> compiler) {
        synchronized (cache) {
            CompiledFlow c = cache.get(key);
            if (c != null) return c;
        }
        CompiledFlow fresh = compiler.get(); // outside the lock: compiling may take a while
        synchronized (cache) {
            CompiledFlow raced = cache.putIfAbsent(key, fresh);
            return raced != null ? raced : fresh;
        }
    }

    /** The cached compiled form of {@code flow} under {@code key} (e.g. its version id). */
    public CompiledFlow get(String key, Flow flow) {
        return get(key, () -> compile(flow));
    }

    public void invalidate(String key) {
        synchronized (cache) { cache.remove(key); }
    }

    public int size() {
        synchronized (cache) { return cache.size(); }
    }
}
