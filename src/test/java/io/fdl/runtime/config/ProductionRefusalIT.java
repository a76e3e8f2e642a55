package io.fdl.runtime.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Starts the packaged application (target/quarkus-app) as a real process, the way operators do, and
 * checks the api.md §1 start-up rules: refusals exit non-zero with one clear line; valid production
 * settings (in memory and with DATABASE_URL) start and serve.
 */
class ProductionRefusalIT {
    private static final String GOOD_SECRET = "it-secret-0123456789-0123456789-0123456789";
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

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

    @Test
    void validProductionSettingsStartInMemory() throws Exception {
        try (Running app = start(Map.of("FDL_DEV_MODE", "false", "FDL_JWT_SECRET", GOOD_SECRET))) {
            String body = app.get("/api/health/detailed");
            assertTrue(body.contains("\"storage\":\"memory\""), body);
            assertFalse(app.output().contains(GOOD_SECRET), "secret must not be logged");
        }
    }

    @Test
    void databaseUrlIsTranslatedAndUsed() throws Exception {
        String db = System.getenv().getOrDefault("FDL_TEST_DB", "fdl_test");
        try (Running app = start(Map.of("FDL_USE_DATABASE", "true",
                "DATABASE_URL", "postgres://fdl:fdl@127.0.0.1:5432/" + db + "?sslmode=disable",
                "FDL_DB_POOL_SIZE", "4"))) {
            String body = app.get("/api/health/detailed");
            assertTrue(body.contains("\"storage\":\"postgres\""), body);
            assertTrue(body.contains("\"status\":\"up\""), body);
            assertTrue(body.contains("\"pool_size\":4"), body);
            assertFalse(app.output().contains("fdl:fdl@"), "the URL with its password must not be logged");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static String assertRefused(Map<String, String> env, String expectedLine) throws Exception {
        Process p = launch(env, freePort());
        assertTrue(p.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS), "process should exit by itself");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, p.exitValue(), out);
        long lines = out.lines().filter(l -> l.contains("FDL Runtime refuses to start") && l.contains(expectedLine)).count();
        assertEquals(1, lines, "exactly one refusal line expected in:\n" + out);
        assertFalse(out.contains("Exception"), "no stack trace expected:\n" + out);
        assertFalse(out.contains("Listening on"), "must not serve:\n" + out);
        return out;
    }

    private static Running start(Map<String, String> env) throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("fdl-it", ".log");
        Process p = launch(env, port, log);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) fail("exited with " + p.exitValue() + ":\n" + Files.readString(log));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return new Running(p, port, http, log);
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        p.destroyForcibly();
        throw new AssertionError("not ready within " + START_LIMIT + ":\n" + Files.readString(log));
    }

    private static Process launch(Map<String, String> env, int port) throws IOException {
        return launch(env, port, null);
    }

    private static Process launch(Map<String, String> env, int port, Path log) throws IOException {
        assertTrue(Files.exists(JAR), "package the application first (mvn verify runs this after package)");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()).redirectErrorStream(true);
        if (log != null) pb.redirectOutput(log.toFile());
        // a clean environment: only what the test sets
        pb.environment().keySet().removeIf(k -> k.startsWith("FDL_") || k.startsWith("QUARKUS_")
                || k.equals("DATABASE_URL") || k.equals("RUST_LOG"));
        pb.environment().putAll(env);
        pb.environment().put("FDL_PORT", Integer.toString(port));
        pb.environment().put("FDL_HOST", "127.0.0.1");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private record Running(Process process, int port, HttpClient http, Path log) implements AutoCloseable {
        String get(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return r.body();
        }

        String output() throws IOException {
            return Files.readString(log);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
