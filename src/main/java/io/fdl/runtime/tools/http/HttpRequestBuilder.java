package io.fdl.runtime.tools.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.port.ToolCall;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.tools.ApiServiceConfig;
import io.fdl.runtime.tools.TextForm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the HTTP request of one api:// attempt exactly as tools.md §3.3 describes. Pure; no I/O. */
public final class HttpRequestBuilder {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Set by the runtime; a flow's _headers cannot replace them (tools.md §3.3 step 2). */
    private static final Set<String> PROTECTED = Set.of("authorization", "x-tenant-id", "x-bu-code", "idempotency-key");
    /** Framing and routing headers belong to the client; letting flows set them invites request smuggling. */
    public static final Set<String> FORBIDDEN = Set.of("host", "content-length", "transfer-encoding", "connection",
            "upgrade", "te", "trailer", "keep-alive", "proxy-connection", "expect");

    private HttpRequestBuilder() {}

    public static HttpRequestSpec build(ApiServiceConfig service, ToolCall call) {
        ObjectNode args = call.args().deepCopy();
        String method = method(call.method(), args.remove("_method"));
        JsonNode extraHeaders = args.remove("_headers");

        String path = fillPlaceholders(call.path() == null ? "" : call.path(), args);
        UrlSafety.pathProblem(path).ifPresent(p -> { throw new ToolException("BAD_ARGS", p); });
        UrlSafety.Base base;
        try {
            base = UrlSafety.parseBase(service.baseUrl());
        } catch (IllegalArgumentException e) {
            throw new ToolException("BAD_ARGS", "service '" + service.name() + "': " + e.getMessage());
        }
        StringBuilder uri = new StringBuilder(base.path());
        if (!path.isEmpty()) uri.append('/').append(path);
        if (uri.length() == 0) uri.append('/');

        byte[] body = null;
        boolean queryArgs = method.equals("GET") || method.equals("DELETE");
        if (queryArgs) {
            String query = query(args);
            if (!query.isEmpty()) uri.append('?').append(query);
        } else {
            body = args.toString().getBytes(StandardCharsets.UTF_8);
        }

        Headers h = new Headers();
        service.defaultHeaders().forEach((k, v) -> {
            if (!FORBIDDEN.contains(k.toLowerCase(Locale.ROOT))) h.put(k, v);
        });
        addExtraHeaders(h, extraHeaders);
        h.put("Accept", "application/json");
        if (body != null) h.put("Content-Type", "application/json; charset=utf-8");
        auth(h, service);
        h.put("X-Tenant-Id", nullToEmpty(call.caller().tenantId()));
        h.put("X-Bu-Code", nullToEmpty(call.caller().buCode()));
        if (call.idempotencyKey() != null) h.put("Idempotency-Key", call.idempotencyKey());
        return new HttpRequestSpec(method, base.ssl(), base.host(), base.port(), uri.toString(), h.list(), body);
    }

    private static String method(String option, JsonNode argMethod) {
        String m = option;
        if (m == null && argMethod != null && !argMethod.isNull()) {
            if (!argMethod.isTextual()) throw new ToolException("BAD_ARGS", "_method must be a text");
            m = argMethod.textValue();
        }
        if (m == null) return "POST";
        String upper = m.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) throw new ToolException("BAD_ARGS", "unsupported HTTP method '" + m + "' (GET, POST, PUT, PATCH, DELETE)");
        return upper;
    }

    /** Replaces each {name} with the percent-encoded text form of args.name and removes the arg. */
    static String fillPlaceholders(String path, ObjectNode args) {
        Matcher m = PLACEHOLDER.matcher(path);
        StringBuilder out = new StringBuilder();
        List<String> used = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            JsonNode v = args.get(name);
            if (v == null || v.isNull() || v.isContainerNode()) {
                throw new ToolException("BAD_ARGS", "path placeholder {" + name + "} needs a text, number or boolean in args."
                        + name + (v == null || v.isNull() ? " (missing or null)" : " (got " + (v.isArray() ? "an array" : "an object") + ")"));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(UrlSafety.encode(TextForm.of(v))));
            used.add(name);
        }
        m.appendTail(out);
        used.forEach(args::remove);
        String filled = out.toString();
        if (filled.indexOf('{') >= 0 || filled.indexOf('}') >= 0) {
            throw new ToolException("BAD_ARGS", "path has a malformed placeholder: " + path);
        }
        return filled;
    }

    /** GET/DELETE arguments as query parameters (tools.md §3.3 step 5). */
    static String query(ObjectNode args) {
        StringBuilder q = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> it = args.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isArray()) {
                for (JsonNode el : v) if (!el.isNull()) param(q, e.getKey(), TextForm.of(el));
            } else if (!v.isNull()) {
                param(q, e.getKey(), TextForm.of(v));
            }
        }
        return q.toString();
    }

    private static void param(StringBuilder q, String name, String value) {
        if (q.length() > 0) q.append('&');
        q.append(UrlSafety.encode(name)).append('=').append(UrlSafety.encode(value));
    }

    private static void addExtraHeaders(Headers h, JsonNode extra) {
        if (extra == null || extra.isNull()) return;
        if (!extra.isObject()) throw new ToolException("BAD_ARGS", "_headers must be an object of text values");
        Iterator<Map.Entry<String, JsonNode>> it = extra.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String lower = e.getKey().toLowerCase(Locale.ROOT);
            if (PROTECTED.contains(lower) || FORBIDDEN.contains(lower)) {
                throw new ToolException("BAD_ARGS", "_headers cannot set '" + e.getKey() + "'");
            }
            if (!e.getValue().isTextual()) throw new ToolException("BAD_ARGS", "_headers." + e.getKey() + " must be a text");
            h.put(e.getKey(), e.getValue().textValue());
        }
    }

    private static void auth(Headers h, ApiServiceConfig s) {
        Map<String, String> c = s.authConfig();
        switch (s.authType() == null ? ApiServiceConfig.AuthType.NONE : s.authType()) {
            case APIKEY -> h.put(c.getOrDefault("header", "X-API-Key"), c.getOrDefault("key", ""));
            case BASIC -> h.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (c.getOrDefault("username", "") + ":" + c.getOrDefault("password", "")).getBytes(StandardCharsets.UTF_8)));
            case BEARER -> h.put("Authorization", "Bearer " + c.getOrDefault("token", ""));
            case NONE -> { }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Header set where a later entry replaces an earlier one of the same name (case-insensitive). */
    private static final class Headers {
        private final Map<String, Map.Entry<String, String>> byLower = new LinkedHashMap<>();

        /** Errors never quote the value: it may be a credential. */
        void put(String name, String value) {
            if (name == null || !TOKEN.matcher(name).matches()) throw new ToolException("BAD_ARGS", "invalid header name '" + name + "'");
            if (value == null || value.chars().anyMatch(ch -> ch == '\r' || ch == '\n' || ch == 0)) {
                throw new ToolException("BAD_ARGS", "header '" + name + "' has an invalid value");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            byLower.remove(lower); // keep sending order = order of the last write
            byLower.put(lower, Map.entry(name, value));
        }

        List<Map.Entry<String, String>> list() {
            return List.copyOf(byLower.values());
        }
    }
}
