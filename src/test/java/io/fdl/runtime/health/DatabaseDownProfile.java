package io.fdl.runtime.health;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Database enabled but nothing listens at 127.0.0.1:1; migrations off so the service can start. */
public class DatabaseDownProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "fdl.use-database", "true",
                "fdl.db-timeout", "2",
                "quarkus.datasource.username", "fdl",
                "quarkus.datasource.password", "fdl",
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/unreachable",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/unreachable",
                "quarkus.flyway.migrate-at-start", "false");
    }
}
