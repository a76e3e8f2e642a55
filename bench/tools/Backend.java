import com.sun.net.httpserver.HttpServer;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The downstream service of the api:// load test: answers GET /items/{id} and GET /prices/{id}
 * with a small JSON document, keep-alive, from a fixed thread pool.
 * Run: java bench/tools/Backend.java <port>
 */
public class Backend {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "3092");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            String body = path.contains("/prices/")
                    ? "{\"id\":\"" + id + "\",\"price\":12.5,\"currency\":\"EUR\"}"
                    : "{\"id\":\"" + id + "\",\"name\":\"item " + id + "\",\"stock\":7}";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("backend listening on " + port);
    }
}
