package io.fdl.runtime.api.tools;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.fdl.runtime.tools.config.DatasourceView;
import io.fdl.runtime.tools.config.ToolServiceView;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** Response envelopes of the tool configuration API (api.md §8). */
public final class ToolDtos {
    private ToolDtos() {}

    @RegisterForReflection
    public record ServiceList(List<ToolServiceView> services, int total) {}

    @RegisterForReflection
    public record DatasourceList(List<DatasourceView> datasources, int total) {}

    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Deleted(boolean success, String deletedName) {}
}
