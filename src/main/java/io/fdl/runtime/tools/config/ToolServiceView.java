package io.fdl.runtime.tools.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/** An API service as the configuration API returns it (api.md §8): secrets in auth_config are "****". */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToolServiceView(String name, String displayName, String description, String baseUrl, String authType,
                              ObjectNode authConfig, ObjectNode defaultHeaders, int timeoutMs, boolean enabled,
                              Instant createdAt, Instant updatedAt) {}
