package io.fdl.runtime.tools;

import io.smallrye.mutiny.Uni;

/** Per-tenant lookup of registered tools for the call path (tools.md §2.2). Items are null when absent. */
public interface ToolRegistry {

    Uni<ApiServiceConfig> service(String tenantId, String name);

    Uni<DatasourceConfig> datasource(String tenantId, String name);
}
