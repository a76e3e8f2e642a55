package io.fdl.runtime.tools.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/** A datasource as the configuration API returns it (api.md §8): the password in connection_string is "****". */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DatasourceView(String name, String displayName, String dbType, String connectionString, String schema,
                             String table, int poolSize, int timeoutMs, boolean readOnly, boolean allowNative,
                             boolean enabled, Instant createdAt, Instant updatedAt) {}
