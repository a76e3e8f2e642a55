package io.fdl.runtime.testsupport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application started as a real process, the way operators run it — the native
 * executable after {@code -Dnative}, otherwise {@code target/quarkus-app/quarkus-run.jar}. Which one
 * is what the last build produced, as recorded in {@code target/quarkus-artifact.properties} (the
 * file {@code @QuarkusIntegrationTest} reads too), so a stale binary never stands in for the jar.
 * ITs get no CDI: they talk to the process over HTTP and WebSocket only.
 */
public final class LaunchedApp implements AutoCloseable {
    public static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Path TARGET = Path.of("target");

    private final Process process;
    private final int port;
    private final Path log;
    private final Duration timeToReady;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LaunchedApp(Process process, int port, Path log, Duration timeToReady) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.timeToReady = timeToReady;
    }

    /** True when the ITs run against the native executable. */
    public static boolean isNative() {
        return "native".equals(artifact().getProperty("type"));
    }

    private static Properties artifact() {
        Properties p = new Properties();
        Path file = TARGET.resolve("quarkus-artifact.properties");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return p;
    }

    /** The command line that runs the packaged application. */
    static List<String> command() { return command(List.of()); }

    /**
     * The command line that runs the packaged application with memory options such as {@code -Xmx2g}
     * (a native executable takes them as its own run-time options, the JVM before {@code -jar}).
     */
    public static List<String> command(List<String> memoryOptions) {
        Properties a = artifact();
        List<String> cmd = new ArrayList<>();
        if ("native".equals(a.getProperty("type"))) {
            Path binary = TARGET.resolve(a.getProperty("path"));
            if (!Files.isExecutable(binary)) throw new IllegalStateException("native executable missing: " + binary);
            cmd.add(binary.toString());
            cmd.addAll(memoryOptions);
        } else {
            Path jar = TARGET.resolve("quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) throw new IllegalStateException("package the application first (mvn verify runs ITs after package)");
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(memoryOptions);
            cmd.add("-jar");
            cmd.add(jar.toString());
        }
        return cmd;
    }

    /** Starts the application with exactly {@code env} (plus host and port) and waits until it is ready. */
    public static LaunchedApp start(Map<String, String> env) throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("fdl-it", ".log");
        Instant started = Instant.now();
        Process p = builder(env, port).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = started.plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) throw new AssertionError("exited with " + p.exitValue() + ":\n" + Files.readString(log));
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return new LaunchedApp(p, port, log, Duration.between(started, Instant.now()));
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new AssertionError("not ready within " + START_LIMIT + ":\n" + Files.readString(log));
    }

    /** Runs the application expecting it to exit by itself; returns its exit code and output. */
    public static Exited run(Map<String, String> env) throws Exception {
        Process p = builder(env, freePort()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("process should exit by itself:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new Exited(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    public record Exited(int code, String output) {}

    private static ProcessBuilder builder(Map<String, String> env, int port) {
        ProcessBuilder pb = new ProcessBuilder(command()).redirectErrorStream(true);
        // a clean environment: only what the test sets
        pb.environment().keySet().removeIf(k -> k.startsWith("FDL_") || k.startsWith("QUARKUS_")
                || k.equals("DATABASE_URL") || k.equals("RUST_LOG"));
        pb.environment().putAll(env);
        pb.environment().put("FDL_PORT", Integer.toString(port));
        pb.environment().put("FDL_HOST", "127.0.0.1");
        return pb;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() { return port; }

    public URI uri(String path) { return URI.create("http://127.0.0.1:" + port + path); }

    /** Launch until the first 200 on /q/health/ready: informative only, never asserted on. */
    public Duration timeToReady() { return timeToReady; }

    public long pid() { return process.pid(); }

    /** A RestAssured request against this process, JSON by default. */
    public RequestSpecification given() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port).contentType(ContentType.JSON);
    }

    public RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** GET with the JDK client; asserts 200 and returns the body. */
    public String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Kills the process with SIGKILL (an OOM kill, a node lost): no shutdown hook runs, nothing more is written. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the process the way an orchestrator does (SIGTERM) and waits for it. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) stop();
        Files.deleteIfExists(log);
    }
}
