package io.fdl.runtime.tools.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 for api:// tests. Records every request and answers by path:
 * /slow?ms=, /flaky (503 then 200 per Idempotency-Key), /huge?bytes=&chunked=, /text, /jsontext,
 * /badjson, /empty, /redirect, /status/{code}, /latin1, /accounts/{id}; anything else answers {"ok": true}.
 */
public final class RecordingHttpServer implements AutoCloseable {

    public record Recorded(String method, String uri, Headers headers, String body) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> flaky = new ConcurrentHashMap<>();

    public RecordingHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public Recorded last() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String uri = ex.getRequestURI().toString();
        requests.add(new Recorded(ex.getRequestMethod(), uri, ex.getRequestHeaders(), body));
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        try {
            if (path.endsWith("/slow")) {
                Thread.sleep(Long.parseLong(param(query, "ms", "2000")));
                send(ex, 200, "application/json", "{\"slow\":true}");
            } else if (path.endsWith("/flaky")) {
                int n = flaky.computeIfAbsent(String.valueOf(ex.getRequestHeaders().getFirst("Idempotency-Key")), k -> new AtomicInteger()).incrementAndGet();
                if (n == 1) send(ex, 503, "application/json", "{\"error\":\"busy\"}");
                else send(ex, 200, "application/json", "{\"attempt\":" + n + "}");
            } else if (path.endsWith("/huge")) {
                long bytes = Long.parseLong(param(query, "bytes", "11534336"));
                boolean chunked = "true".equals(param(query, "chunked", "false"));
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, chunked ? 0 : bytes);
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, (byte) ' ');
                try (OutputStream out = ex.getResponseBody()) {
                    for (long sent = 0; sent < bytes; sent += block.length) out.write(block, 0, (int) Math.min(block.length, bytes - sent));
                } catch (IOException clientWentAway) {
                    // expected: the client stops reading at its limit
                }
            } else if (path.endsWith("/text")) {
                send(ex, 200, "text/plain", "hello");
            } else if (path.endsWith("/jsontext")) {
                send(ex, 200, null, "{\"a\":1}");
            } else if (path.endsWith("/badjson")) {
                send(ex, 200, "application/problem+json", "{oops");
            } else if (path.endsWith("/empty")) {
                ex.sendResponseHeaders(204, -1);
                ex.close();
            } else if (path.endsWith("/redirect")) {
                ex.getResponseHeaders().set("Location", url("/echo"));
                send(ex, 302, "text/plain", "moved");
            } else if (path.contains("/status/")) {
                int code = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                send(ex, code, "application/json", "{\"reason\":\"status " + code + "\"}");
            } else if (path.endsWith("/latin1")) {
                byte[] b = "café".getBytes(StandardCharsets.ISO_8859_1);
                ex.getResponseHeaders().set("Content-Type", "text/plain; charset=ISO-8859-1");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
                ex.close();
            } else if (path.contains("/accounts/")) {
                String id = path.substring(path.lastIndexOf('/') + 1);
                send(ex, 200, "application/json", "{\"id\":\"" + id + "\",\"holder\":\"Ann\",\"region\":\"EU\"}");
            } else {
                send(ex, 200, "application/json", "{\"ok\":true}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // client closed the connection
        }
    }

    private static String param(String query, String name, String dflt) {
        if (query == null) return dflt;
        for (String p : query.split("&")) {
            if (p.startsWith(name + "=")) return p.substring(name.length() + 1);
        }
        return dflt;
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
