package io.fdl.runtime.tools.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Result of a reachability test: {@code success} when the target answered (any HTTP status for a
 * service, {@code SELECT 1} for a datasource); {@code status} is the HTTP status, {@code error} the
 * tool error code and message when it did not.
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolTestResult(String name, boolean success, long latencyMs, Integer status, String errorCode, String error) {}
