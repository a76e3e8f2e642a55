package io.fdl.runtime.tools.support;

import io.fdl.runtime.tools.ApiServiceConfig;
import io.fdl.runtime.tools.DatasourceConfig;
import io.fdl.runtime.tools.ToolRegistry;
import io.smallrye.mutiny.Uni;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A registry held in maps, for handler tests that run without Quarkus. */
public final class MapToolRegistry implements ToolRegistry {
    private final Map<String, ApiServiceConfig> services = new ConcurrentHashMap<>();
    private final Map<String, DatasourceConfig> datasources = new ConcurrentHashMap<>();

    public MapToolRegistry service(String tenant, ApiServiceConfig s) {
        services.put(tenant + "/" + s.name(), s);
        return this;
    }

    public MapToolRegistry datasource(String tenant, DatasourceConfig d) {
        datasources.put(tenant + "/" + d.name(), d);
        return this;
    }

    @Override
    public Uni<ApiServiceConfig> service(String tenantId, String name) {
        return Uni.createFrom().item(services.get(tenantId + "/" + name));
    }

    @Override
    public Uni<DatasourceConfig> datasource(String tenantId, String name) {
        return Uni.createFrom().item(datasources.get(tenantId + "/" + name));
    }
}
