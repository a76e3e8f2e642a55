package io.fdl.runtime.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Runs a {@code @QuarkusTest} against the real local PostgreSQL (started by .ci/run). The database
 * name comes from FDL_TEST_DB (default fdl_test) so parallel developers can use their own.
 * Flyway cleans and migrates it at start: it must be a throw-away test database.
 */
public class PostgresProfile implements QuarkusTestProfile {
    public static final String DB = System.getenv().getOrDefault("FDL_TEST_DB", "fdl_test");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "fdl.use-database", "true",
                "quarkus.datasource.username", "fdl",
                "quarkus.datasource.password", "fdl",
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + DB,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + DB,
                "quarkus.flyway.clean-at-start", "true",
                "quarkus.flyway.clean-disabled", "false");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
