package io.fdl.runtime.tools.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.port.ToolCall;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.tools.ApiServiceConfig;
import io.fdl.runtime.tools.ToolRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * api:// (tools.md §3): one attempt = one HTTP exchange on a shared pooled keep-alive client.
 * The exchange is driven by hand rather than through WebClient so that the response can be
 * streamed against the size cap and the request reset when the caller gives up (engine timeout or
 * run cancellation): a cancelled attempt closes its connection instead of finishing in the background.
 */
public final class HttpToolHandler {
    public static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
    private static final int MESSAGE_BODY_CHARS = 1_000;
    private static final int DETAIL_BODY_CHARS = 64 * 1024;

    private final ToolRegistry registry;
    private final Vertx vertx;
    private final HttpClient client;
    private final ObjectReader jsonReader;
    private final int maxResponseBytes;

    public HttpToolHandler(ToolRegistry registry, Vertx vertx, HttpClient client, ObjectMapper mapper, int maxResponseBytes) {
        this.registry = registry;
        this.vertx = vertx;
        this.client = client;
        this.jsonReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxResponseBytes = maxResponseBytes;
    }

    /**
     * One attempt. {@code registrationTimeout}: the attempt's timeout is the engine's built-in
     * default, so the service's own {@code timeout_ms} applies instead.
     */
    public Uni<JsonNode> invoke(ToolCall call, boolean registrationTimeout) {
        return registry.service(call.caller().tenantId(), call.service()).onItem().transformToUni(service -> {
            if (service == null) return fail("NOT_FOUND_TOOL", "no API service '" + call.service() + "' is registered");
            if (!service.enabled()) return fail("TOOL_DISABLED", "API service '" + service.name() + "' is disabled");
            HttpRequestSpec spec;
            try {
                spec = HttpRequestBuilder.build(service, call);
            } catch (ToolException e) {
                return Uni.createFrom().failure(e);
            }
            return exchange(spec, registrationTimeout ? service.timeoutMs() : call.timeoutMs());
        });
    }

    /** Sends the request; completes with the raw result or a ToolException; cancellation resets the request. */
    public Uni<JsonNode> exchange(HttpRequestSpec spec, long timeoutMs) {
        return Uni.createFrom().emitter(em -> new Exchange(spec, em).start(timeoutMs));
    }

    /** State of one in-flight exchange; all callbacks run on the client's event loop. */
    private final class Exchange {
        private final HttpRequestSpec spec;
        private final UniEmitter<? super JsonNode> em;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile HttpClientRequest request;
        private volatile long timer = -1;

        Exchange(HttpRequestSpec spec, UniEmitter<? super JsonNode> em) {
            this.spec = spec;
            this.em = em;
        }

        void start(long timeoutMs) {
            // cancelled by the caller (engine timeout, run cancelled): abandon the exchange
            em.onTermination(() -> {
                if (done.compareAndSet(false, true)) abort();
            });
            timer = vertx.setTimer(Math.max(1, timeoutMs), id -> fail(new ToolException("TIMEOUT",
                    "no complete response from " + spec.describe() + " within " + timeoutMs + " ms")));
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.valueOf(spec.method()))
                    .setSsl(spec.ssl()).setHost(spec.host()).setPort(spec.port())
                    .setURI(spec.requestUri())
                    .setFollowRedirects(false)
                    .setConnectTimeout(Math.max(1, timeoutMs));
            for (Map.Entry<String, String> h : spec.headers()) options.addHeader(h.getKey(), h.getValue());
            client.request(options).onComplete(ar -> {
                if (ar.failed()) {
                    fail(connectionError(ar.cause()));
                    return;
                }
                HttpClientRequest req = ar.result();
                request = req;
                if (done.get()) { // given up while connecting
                    req.reset();
                    return;
                }
                req.exceptionHandler(e -> fail(connectionError(e)));
                req.response().onComplete(rar -> {
                    if (rar.failed()) fail(connectionError(rar.cause()));
                    else receive(rar.result());
                });
                if (spec.body() != null) req.end(Buffer.buffer(spec.body()));
                else req.end();
            });
        }

        private void receive(HttpClientResponse resp) {
            String length = resp.getHeader("Content-Length");
            if (length != null) {
                try {
                    if (Long.parseLong(length.trim()) > maxResponseBytes) {
                        fail(tooLarge());
                        return;
                    }
                } catch (NumberFormatException ignored) {
                    // a malformed length is checked while streaming instead
                }
            }
            Buffer body = Buffer.buffer();
            resp.handler(chunk -> {
                if (done.get()) return;
                if (body.length() + chunk.length() > maxResponseBytes) {
                    fail(tooLarge());
                    return;
                }
                body.appendBuffer(chunk);
            });
            resp.exceptionHandler(e -> fail(connectionError(e)));
            resp.endHandler(v -> {
                try {
                    succeed(interpret(resp.statusCode(), resp.getHeader("Content-Type"), body));
                } catch (ToolException e) {
                    fail(e);
                }
            });
        }

        private void succeed(JsonNode result) {
            if (done.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                em.complete(result);
            }
        }

        private void fail(ToolException e) {
            if (done.compareAndSet(false, true)) {
                abort();
                em.fail(e);
            }
        }

        /** Stops the timer and resets the request, which closes its connection (an HTTP/1.1 exchange cannot be cut otherwise). */
        private void abort() {
            if (timer >= 0) vertx.cancelTimer(timer);
            HttpClientRequest req = request;
            if (req != null) req.reset();
        }

        private ToolException tooLarge() {
            return new ToolException("INVALID_RESPONSE", "response of " + spec.describe() + " is larger than " + maxResponseBytes + " bytes");
        }

        private ToolException connectionError(Throwable t) {
            String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            return new ToolException("CONNECTION_ERROR", "request " + spec.describe() + " failed: " + msg);
        }
    }

    /** Status and body → raw result or error (tools.md §3.4). */
    JsonNode interpret(int status, String contentType, Buffer body) {
        String text = body.length() == 0 ? "" : body.toString(charset(contentType));
        if (status < 200 || status > 299) {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("status", status);
            JsonNode parsed = text.length() <= DETAIL_BODY_CHARS ? tryParse(text) : null;
            if (parsed != null) details.set("body", parsed);
            else details.put("body", text.length() > DETAIL_BODY_CHARS ? text.substring(0, DETAIL_BODY_CHARS) : text);
            String head = text.length() > MESSAGE_BODY_CHARS ? text.substring(0, MESSAGE_BODY_CHARS) : text;
            throw new ToolException("HTTP_" + status, "HTTP " + status + ": " + head, details);
        }
        if (status == 204 || body.length() == 0) return JsonNodeFactory.instance.nullNode();
        if (isJson(contentType)) {
            JsonNode parsed = tryParse(text);
            if (parsed == null) throw new ToolException("INVALID_RESPONSE", "malformed JSON in a response declared as " + contentType);
            return parsed;
        }
        JsonNode parsed = tryParse(text);
        return parsed != null ? parsed : JsonNodeFactory.instance.textNode(text);
    }

    private JsonNode tryParse(String text) {
        if (text.isBlank()) return null;
        try {
            return jsonReader.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) return false;
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || mime.endsWith("+json");
    }

    static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (RuntimeException ignored) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static <T> Uni<T> fail(String code, String message) {
        return Uni.createFrom().failure(new ToolException(code, message));
    }
}
