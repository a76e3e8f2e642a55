import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebSocket fan-out load driver (issue 7). Single-file program, JDK only:
 *   java bench/ws/WsLoad.java http://127.0.0.1:3001 <server-pid> [subscribers]
 * Scenario A: N subscribers on ONE execution stream. Scenario B: N clients each executing and
 * following its OWN execution. Reports event-to-client latency (client receive time minus the
 * event's server timestamp; same machine clock) p50/p99/max and the server's RSS.
 * Bounded in count and time; talks to loopback only.
 */
public class WsLoad {
    static final Pattern EXEC_ID = Pattern.compile("\"execution_id\":\"([0-9a-f-]{36})\"");
    static final Pattern TS = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final String FLOW = """
            flow:
                name: ws load
                node:
                    settle:
                        wait: 3s
                        next: tick
                    tick:
                        vars: n = 0
                        when: n < 20
                        node:
                            step:
                                with: n
                                sets: n = n + 1
                                next: pause
                            pause:
                                wait: 100ms
                        with: n
            """;

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:3001";
        String pid = args.length > 1 ? args[1] : null;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        String token = login(base);
        String flowId = createFlow(base, token);
        System.out.printf("server RSS before: %s%n", rss(pid));

        // A: N subscribers on one execution
        String exec = post(base + "/api/execute/" + flowId, token, "{\"async_mode\":true}");
        String executionId = match(EXEC_ID, exec);
        Result a = run(base, token, n, i -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\",\"params\":{\"execution_id\":\"" + executionId + "\"}}");
        a.print("A: " + n + " subscribers on one execution");
        System.out.printf("server RSS after A: %s%n", rss(pid));

        // B: N clients, each executing its own run and following it
        Result b = run(base, token, n, i -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"execute\",\"params\":{\"flow_id\":\"" + flowId + "\"}}");
        b.print("B: " + n + " clients each on its own execution");
        System.out.printf("server RSS after B: %s%n", rss(pid));
    }

    interface FirstCall { String of(int i); }

    record Result(List<Long> latenciesMicros, int connected, int terminal, long millis) {
        void print(String title) {
            List<Long> l = new ArrayList<>(latenciesMicros);
            Collections.sort(l);
            System.out.printf("%s: connected %d, finished streams %d, events %d in %d ms; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    title, connected, terminal, l.size(), millis, pct(l, 0.50), pct(l, 0.99), l.isEmpty() ? 0.0 : l.get(l.size() - 1) / 1000.0);
        }

        static double pct(List<Long> sorted, double p) {
            if (sorted.isEmpty()) return 0;
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1000.0;
        }
    }

    static Result run(String base, String token, int n, FirstCall first) throws Exception {
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger terminal = new AtomicInteger();
        List<WebSocket> sockets = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        URI uri = URI.create(base.replace("http", "ws") + "/ws?token=" + token);
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int idx = i;
            opening.add(HTTP.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
                final StringBuilder buf = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    buf.append(data);
                    if (last) {
                        String msg = buf.toString();
                        buf.setLength(0);
                        if (msg.contains("\"execution.event\"")) {
                            Instant ts = Instant.parse(match(TS, msg));
                            lat.add(Duration.between(ts, Instant.now()).toNanos() / 1000);
                            if (msg.contains("\"event_type\":\"completed\"") || msg.contains("\"event_type\":\"failed\"")) {
                                terminal.incrementAndGet();
                                done.countDown();
                            }
                        }
                    }
                    ws.request(1);
                    return null;
                }
            }).thenApply(ws -> {
                connected.incrementAndGet();
                sockets.add(ws);
                ws.sendText(first.of(idx), true);
                return ws;
            }));
            if (i % 100 == 99) Thread.sleep(50); // do not SYN-flood the accept queue
        }
        CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(60, TimeUnit.SECONDS);
        done.await(90, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        for (WebSocket ws : sockets) ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        Thread.sleep(500);
        return new Result(new ArrayList<>(lat), connected.get(), terminal.get(), ms);
    }

    static String login(String base) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench\",\"password\":\"bench\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return match(Pattern.compile("\"access_token\":\"([^\"]+)\""), body);
    }

    static String createFlow(String base, String token) throws Exception {
        String flow = post(base + "/api/flows", token, "{\"name\":\"ws-load-" + System.nanoTime() + "\"}");
        String id = match(Pattern.compile("\"id\":\"([0-9a-f-]{36})\""), flow);
        String yaml = FLOW.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        post(base + "/api/flows/" + id + "/versions", token, "{\"fdl\":\"" + yaml + "\"}");
        return id;
    }

    static String post(String url, String token, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        return r.body();
    }

    static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) throw new IllegalStateException("no " + p + " in " + s);
        return m.group(1);
    }

    static String rss(String pid) throws Exception {
        if (pid == null) return "n/a";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS")) return line.substring(6).trim();
        }
        return "n/a";
    }
}
