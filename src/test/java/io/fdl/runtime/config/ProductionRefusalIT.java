package io.fdl.runtime.config;

import io.fdl.runtime.testsupport.LaunchedApp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Starts the packaged application (the jar, or the native executable after -Dnative) as a real process, and
 * checks the api.md §1 start-up refusals: each exits non-zero with one clear line. That valid production
 * settings start and serve, in memory and with DATABASE_URL, is checked by MemoryModeIT and PostgresModeIT.
 */
class ProductionRefusalIT {
    private static final String GOOD_SECRET = "it-secret-0123456789-0123456789-0123456789";

    @Test
    void productionWithoutSecretIsRefused() throws Exception {
        assertRefused(Map.of("FDL_DEV_MODE", "false"), "FDL_JWT_SECRET is not set or is the development default");
    }

    @Test
    void productionWithTheDevSecretIsRefused() throws Exception {
        assertRefused(Map.of("FDL_DEV_MODE", "false", "FDL_JWT_SECRET", RuntimeSettings.FORMER_DEV_SECRET),
                "FDL_JWT_SECRET is not set or is the development default");
    }

    @Test
    void productionWithAShortSecretIsRefused() throws Exception {
        String out = assertRefused(Map.of("FDL_DEV_MODE", "false", "FDL_JWT_SECRET", "short-secret-31-characters-long"),
                "FDL_JWT_SECRET must be at least 32 characters");
        assertFalse(out.contains("short-secret-31"), "the secret must never be printed");
    }

    @Test
    void databaseWithoutUrlIsRefusedEvenInDevMode() throws Exception {
        assertRefused(Map.of("FDL_USE_DATABASE", "true"), "FDL_USE_DATABASE=true but DATABASE_URL is not set");
    }

    @Test
    void unusableDatabaseUrlIsRefusedWithoutLeakingThePassword() throws Exception {
        String out = assertRefused(Map.of("FDL_USE_DATABASE", "true", "DATABASE_URL", "mysql://root:hunter2@db/fdl"),
                "DATABASE_URL is not a usable PostgreSQL URL");
        assertFalse(out.contains("hunter2"));
    }

    @Test
    void wildcardCorsIsRefusedInProduction() throws Exception {
        assertRefused(Map.of("FDL_DEV_MODE", "false", "FDL_JWT_SECRET", GOOD_SECRET, "FDL_CORS_ORIGINS", "*"),
                "FDL_CORS_ORIGINS=* is only allowed when FDL_DEV_MODE=true");
    }

    // ---------------------------------------------------------------------------------------------

    private static String assertRefused(Map<String, String> env, String expectedLine) throws Exception {
        LaunchedApp.Exited p = LaunchedApp.run(env);
        String out = p.output();
        assertNotEquals(0, p.code(), out);
        long lines = out.lines().filter(l -> l.contains("FDL Runtime refuses to start") && l.contains(expectedLine)).count();
        assertEquals(1, lines, "exactly one refusal line expected in:\n" + out);
        assertFalse(out.contains("Exception"), "no stack trace expected:\n" + out);
        assertFalse(out.contains("Listening on"), "must not serve:\n" + out);
        return out;
    }
}
