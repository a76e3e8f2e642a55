package io.fdl.runtime.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RuntimeSettingsTest {
    private static final String GOOD_SECRET = "0123456789abcdef0123456789abcdef-prod";
    private static final String LEVEL = "quarkus.log.category.\"io.fdl\".level";

    private static RuntimeSettings.Derived derive(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return RuntimeSettings.derive(m::get);
    }

    @Test
    void defaultsAreDevInMemory() {
        var d = derive();
        assertFalse(d.refused(), d.errors().toString());
        assertEquals("10", d.properties().get("quarkus.datasource.reactive.max-size"));
        assertEquals("30S", d.properties().get("quarkus.datasource.jdbc.acquisition-timeout"));
        assertEquals("30000", d.properties().get("quarkus.datasource.reactive.additional-properties.statement_timeout"));
        assertEquals("INFO", d.properties().get(LEVEL));
        assertEquals("false", d.properties().get("quarkus.log.console.json.enabled"));
        assertEquals("true", d.properties().get("quarkus.http.cors.enabled"));
        assertEquals("*", d.properties().get("quarkus.http.cors.origins"));
        assertEquals("1048576", d.properties().get("quarkus.http.limits.max-body-size"));
        assertFalse(d.properties().containsKey("quarkus.datasource.reactive.url"));
    }

    // --- production secret rules

    @Test
    void productionRefusesMissingDefaultOrShortSecret() {
        String expected = "FDL_JWT_SECRET is not set or is the development default";
        assertTrue(derive("fdl.dev-mode", "false").errors().get(0).contains(expected));
        assertTrue(derive("fdl.dev-mode", "false", "fdl.jwt-secret", "  ").errors().get(0).contains(expected));
        assertTrue(derive("fdl.dev-mode", "false", "fdl.jwt-secret", RuntimeSettings.FORMER_DEV_SECRET).errors().get(0)
                .contains(expected));
        var shortSecret = derive("fdl.dev-mode", "false", "fdl.jwt-secret", "x".repeat(31));
        assertTrue(shortSecret.errors().get(0).contains("at least 32"));
        assertFalse(shortSecret.refusalMessage().contains("xxxx"), "the secret itself is never printed");
        assertFalse(derive("fdl.dev-mode", "false", "fdl.jwt-secret", "x".repeat(32)).refused());
    }

    @Test
    void devModeAcceptsTheDefaultSecret() {
        assertFalse(derive("fdl.dev-mode", "true").refused());
        assertFalse(derive("fdl.dev-mode", "true", "fdl.jwt-secret", "short").refused());
    }

    // --- database

    @Test
    void databaseUrlBecomesQuarkusDatasource() {
        var d = derive("fdl.use-database", "true", "DATABASE_URL", "postgres://app:p%40ss@db:5433/fdl?sslmode=require");
        assertFalse(d.refused());
        assertEquals("postgresql://db:5433/fdl", d.properties().get("quarkus.datasource.reactive.url"));
        assertEquals("jdbc:postgresql://db:5433/fdl?sslmode=require", d.properties().get("quarkus.datasource.jdbc.url"));
        assertEquals("app", d.properties().get("quarkus.datasource.username"));
        assertEquals("p@ss", d.properties().get("quarkus.datasource.password"));
        assertEquals("require", d.properties().get("quarkus.datasource.reactive.postgresql.ssl-mode"));
        assertEquals("true", d.properties().get("quarkus.datasource.reactive.trust-all"));
    }

    @Test
    void verifyFullChecksHostNameAndUsesRootCert() {
        var d = derive("DATABASE_URL", "postgresql://u:p@db/fdl?sslmode=verify-full&sslrootcert=/ca.pem");
        assertEquals("verify-full", d.properties().get("quarkus.datasource.reactive.postgresql.ssl-mode"));
        assertEquals("HTTPS", d.properties().get("quarkus.datasource.reactive.hostname-verification-algorithm"));
        assertEquals("/ca.pem", d.properties().get("quarkus.datasource.reactive.trust-certificate-pem.certs"));
        assertNull(d.properties().get("quarkus.datasource.reactive.trust-all"));
    }

    @Test
    void useDatabaseWithoutUrlIsRefusedInEveryMode() {
        for (String dev : new String[]{"true", "false"}) {
            var d = derive("fdl.dev-mode", dev, "fdl.jwt-secret", GOOD_SECRET, "fdl.use-database", "true");
            assertEquals(1, d.errors().size(), d.errors().toString());
            assertTrue(d.errors().get(0).contains("DATABASE_URL is not set"));
        }
        assertTrue(derive("fdl.use-database", "1", "DATABASE_URL", "").refused(), "blank counts as unset; 1 means true");
    }

    @Test
    void useDatabaseWithBadUrlIsRefusedWithoutLeakingIt() {
        var d = derive("fdl.use-database", "true", "DATABASE_URL", "mysql://root:hunter2@db/x");
        assertTrue(d.refused());
        assertTrue(d.refusalMessage().contains("DATABASE_URL is not a usable PostgreSQL URL"));
        assertFalse(d.refusalMessage().contains("hunter2"));
    }

    @Test
    void badUrlIsOnlyAWarningInMemoryMode() {
        var d = derive("fdl.use-database", "false", "DATABASE_URL", "nonsense");
        assertFalse(d.refused());
        assertTrue(d.warnings().get(0).startsWith("DATABASE_URL ignored"));
    }

    @Test
    void explicitQuarkusUrlIsUsableAndGetsAJdbcUrl() {
        var d = derive("fdl.use-database", "true", "quarkus.datasource.reactive.url", "postgresql://h:5432/x");
        assertFalse(d.refused());
        assertEquals("jdbc:postgresql://h:5432/x", d.properties().get("quarkus.datasource.jdbc.url"));
        assertFalse(derive("fdl.use-database", "true", "quarkus.datasource.reactive.url", "postgresql://h/x",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://h/x").properties().containsKey("quarkus.datasource.jdbc.url"));
    }

    @Test
    void ignoredUrlParametersAreWarnedByNameOnly() {
        var d = derive("DATABASE_URL", "postgres://u:p@h/d?options=-csearch_path%3Dx");
        assertEquals(1, d.warnings().size());
        assertTrue(d.warnings().get(0).contains("options"));
    }

    @Test
    void poolSizeAndTimeout() {
        var d = derive("fdl.db-pool-size", "25", "fdl.db-timeout", "5");
        assertEquals("25", d.properties().get("quarkus.datasource.reactive.max-size"));
        assertEquals("5S", d.properties().get("quarkus.datasource.jdbc.acquisition-timeout"));
        assertEquals("5000", d.properties().get("quarkus.datasource.reactive.additional-properties.statement_timeout"));
        assertTrue(derive("fdl.db-pool-size", "0").errors().get(0).contains("FDL_DB_POOL_SIZE"));
        assertTrue(derive("fdl.db-timeout", "ten").errors().get(0).contains("FDL_DB_TIMEOUT"));
    }

    // --- logging

    @Test
    void logLevelAndRustLog() {
        assertEquals("DEBUG", derive("fdl.log-level", "debug").properties().get(LEVEL));
        assertEquals("WARN", derive("fdl.log-level", "warning").properties().get(LEVEL));
        assertTrue(derive("fdl.log-level", "loud").errors().get(0).contains("FDL_LOG_LEVEL"));

        var rust = derive("RUST_LOG", "fdl_runtime=debug");
        assertEquals("DEBUG", rust.properties().get(LEVEL));
        assertTrue(rust.warnings().isEmpty());

        var mixed = derive("RUST_LOG", "info,fdl_runtime=trace,tower_http=debug,sqlx=warn");
        assertEquals("TRACE", mixed.properties().get(LEVEL), "the crate directive beats the bare default");
        assertEquals(1, mixed.warnings().size(), "one warning for all ignored directives");
        assertTrue(mixed.warnings().get(0).contains("tower_http=debug,sqlx=warn"));

        assertEquals("WARN", derive("RUST_LOG", "warn").properties().get(LEVEL), "a bare level applies to every crate");
        assertEquals("INFO", derive("RUST_LOG", "hyper=debug").properties().get(LEVEL));
        assertEquals("ERROR", derive("RUST_LOG", "fdl_runtime=trace", "fdl.log-level", "error").properties().get(LEVEL),
                "FDL_LOG_LEVEL wins over RUST_LOG");
        assertEquals("INFO", derive("RUST_LOG", "fdl_runtime=verbose").properties().get(LEVEL));
        assertEquals(1, derive("RUST_LOG", "fdl_runtime=verbose").warnings().size());
    }

    @Test
    void jsonLogs() {
        assertEquals("true", derive("fdl.log-json", "true").properties().get("quarkus.log.console.json.enabled"));
        assertEquals("false", derive("fdl.log-json", "no").properties().get("quarkus.log.console.json.enabled"));
    }

    // --- CORS

    @Test
    void corsRules() {
        var devList = derive("fdl.cors-origins", "https://a.example, http://localhost:5173");
        assertEquals("https://a.example,http://localhost:5173", devList.properties().get("quarkus.http.cors.origins"));

        var prodNone = derive("fdl.dev-mode", "false", "fdl.jwt-secret", GOOD_SECRET);
        assertFalse(prodNone.refused());
        assertEquals("false", prodNone.properties().get("quarkus.http.cors.enabled"));
        assertNull(prodNone.properties().get("quarkus.http.cors.origins"));

        var prodList = derive("fdl.dev-mode", "false", "fdl.jwt-secret", GOOD_SECRET, "fdl.cors-origins", "https://app.example");
        assertEquals("true", prodList.properties().get("quarkus.http.cors.enabled"));
        assertEquals("https://app.example", prodList.properties().get("quarkus.http.cors.origins"));

        var prodStar = derive("fdl.dev-mode", "false", "fdl.jwt-secret", GOOD_SECRET, "fdl.cors-origins", "*");
        assertTrue(prodStar.refused());
        assertTrue(prodStar.errors().get(0).contains("FDL_CORS_ORIGINS=*"));

        assertEquals("*", derive("fdl.cors-origins", "*").properties().get("quarkus.http.cors.origins"));
        assertTrue(derive("fdl.cors-origins", "app.example/path").refused(), "not an origin");
    }

    @Test
    void maxBodyBytes() {
        assertEquals("2048", derive("fdl.max-body-bytes", "2048").properties().get("quarkus.http.limits.max-body-size"));
        assertTrue(derive("fdl.max-body-bytes", "-1").refused());
        assertTrue(derive("fdl.max-body-bytes", "1MB").refused());
    }

    @Test
    void runBudgetsMustBePositiveWholeNumbers() {
        assertFalse(derive("fdl.run-max-bytes", "1048576", "fdl.run-max-steps", "5000").refused());
        assertTrue(derive("fdl.run-max-bytes", "0").refusalMessage().contains("FDL_RUN_MAX_BYTES must be a positive whole number (got '0')"));
        assertTrue(derive("fdl.run-max-steps", "lots").refusalMessage().contains("FDL_RUN_MAX_STEPS must be a positive whole number (got 'lots')"));
    }

    @Test
    void allProblemsAreReportedInOneLine() {
        var d = derive("fdl.dev-mode", "false", "fdl.use-database", "true", "fdl.cors-origins", "*");
        assertEquals(3, d.errors().size());
        assertFalse(d.refusalMessage().contains("\n"));
        assertTrue(d.refusalMessage().startsWith("FDL Runtime refuses to start: "));
    }
}
