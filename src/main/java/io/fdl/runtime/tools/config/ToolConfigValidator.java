package io.fdl.runtime.tools.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.tools.ConnectionStrings;
import io.fdl.runtime.tools.http.HttpRequestBuilder;
import io.fdl.runtime.tools.http.UrlSafety;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Field rules of the configuration API (api.md §8, tools.md §3.2/§4.2). Works on the raw JSON body
 * so every wrong type or value is a 400 naming the field, never a generic deserialisation error.
 */
final class ToolConfigValidator {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern DB_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    static final Set<String> AUTH_TYPES = Set.of("none", "apikey", "basic", "bearer");
    /** Secret field of each auth type; it is encrypted at rest and masked on read. */
    static final Map<String, String> SECRET_FIELD = Map.of("apikey", "key", "basic", "password", "bearer", "token");
    private static final Map<String, List<String>> AUTH_FIELDS = Map.of(
            "none", List.of(), "apikey", List.of("key", "header"), "basic", List.of("username", "password"),
            "bearer", List.of("token"));
    static final int MAX_TIMEOUT_MS = 300_000;

    private ToolConfigValidator() {}

    static ApiException invalid(String message) {
        return ApiException.badRequest("VALIDATION_ERROR", message);
    }

    static ObjectNode body(JsonNode body) {
        if (body == null || !body.isObject()) throw invalid("request body must be a JSON object");
        return (ObjectNode) body;
    }

    static String name(JsonNode v) {
        if (v == null || v.isNull()) throw invalid("name is required");
        if (!v.isTextual() || !NAME.matcher(v.textValue()).matches()) {
            throw invalid("name must be 1-100 characters of letters, digits, '.', '_' or '-'");
        }
        return v.textValue();
    }

    static String text(ObjectNode b, String field, String current, int maxLength) {
        if (!b.has(field)) return current;
        JsonNode v = b.get(field);
        if (v.isNull()) return null;
        if (!v.isTextual()) throw invalid(field + " must be a string");
        if (v.textValue().length() > maxLength) throw invalid(field + " must be at most " + maxLength + " characters");
        return v.textValue();
    }

    static int integer(ObjectNode b, String field, int current, int min, int max) {
        if (!b.has(field) || b.get(field).isNull()) return current;
        JsonNode v = b.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw invalid(field + " must be an integer between " + min + " and " + max);
        }
        return v.intValue();
    }

    static boolean bool(ObjectNode b, String field, boolean current) {
        if (!b.has(field) || b.get(field).isNull()) return current;
        JsonNode v = b.get(field);
        if (!v.isBoolean()) throw invalid(field + " must be true or false");
        return v.booleanValue();
    }

    static String baseUrl(ObjectNode b, String current) {
        String url = text(b, "base_url", current, 2_000);
        UrlSafety.baseUrlProblem(url).ifPresent(p -> { throw invalid(p); });
        return url.trim();
    }

    static String authType(ObjectNode b, String current) {
        String t = text(b, "auth_type", current, 20);
        if (t == null) return "none";
        String lower = t.toLowerCase(Locale.ROOT);
        if (!AUTH_TYPES.contains(lower)) throw invalid("auth_type must be one of none, apikey, basic, bearer");
        return lower;
    }

    /**
     * Checks auth_config for the auth type: an object of text values with exactly the type's fields;
     * the secret field is required (it may be "****" on update, meaning "keep the stored one").
     */
    static ObjectNode authConfig(String authType, JsonNode v) {
        ObjectNode cfg = v == null || v.isNull() ? JsonNodeFactory.instance.objectNode() : null;
        if (cfg == null) {
            if (!v.isObject()) throw invalid("auth_config must be an object");
            cfg = ((ObjectNode) v).deepCopy();
        }
        List<String> allowed = AUTH_FIELDS.get(authType);
        Iterator<Map.Entry<String, JsonNode>> it = cfg.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!allowed.contains(e.getKey())) {
                throw invalid("auth_config." + e.getKey() + " is not a field of auth_type " + authType
                        + (allowed.isEmpty() ? "" : " (fields: " + String.join(", ", allowed) + ")"));
            }
            if (!e.getValue().isTextual()) throw invalid("auth_config." + e.getKey() + " must be a string");
        }
        switch (authType) {
            case "apikey" -> {
                require(cfg, "key", authType);
                if (cfg.has("header") && (!HEADER_NAME.matcher(cfg.get("header").textValue()).matches()
                        || HttpRequestBuilder.FORBIDDEN.contains(cfg.get("header").textValue().toLowerCase(Locale.ROOT)))) {
                    throw invalid("auth_config.header must be a valid header name");
                }
            }
            case "basic" -> {
                require(cfg, "username", authType);
                require(cfg, "password", authType);
                if (cfg.get("username").textValue().contains(":")) throw invalid("auth_config.username must not contain ':'");
            }
            case "bearer" -> require(cfg, "token", authType);
            default -> { }
        }
        return cfg;
    }

    private static void require(ObjectNode cfg, String field, String authType) {
        JsonNode v = cfg.get(field);
        if (v == null || v.textValue().isEmpty()) throw invalid("auth_config." + field + " is required for auth_type " + authType);
        if (v.textValue().chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw invalid("auth_config." + field + " contains a line break");
        }
    }

    static ObjectNode headers(JsonNode v) {
        if (v == null || v.isNull()) return JsonNodeFactory.instance.objectNode();
        if (!v.isObject()) throw invalid("default_headers must be an object of header name to text");
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!HEADER_NAME.matcher(e.getKey()).matches()) throw invalid("default_headers: invalid header name '" + e.getKey() + "'");
            if (HttpRequestBuilder.FORBIDDEN.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                throw invalid("default_headers cannot set '" + e.getKey() + "'");
            }
            if (!e.getValue().isTextual()) throw invalid("default_headers." + e.getKey() + " must be a string");
            if (e.getValue().textValue().chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw invalid("default_headers." + e.getKey() + " contains a line break");
            }
        }
        return ((ObjectNode) v).deepCopy();
    }

    static String dbType(ObjectNode b, String current) {
        String t = text(b, "db_type", current, 32);
        if (t == null || t.isBlank()) throw invalid("db_type is required");
        String lower = t.trim().toLowerCase(Locale.ROOT);
        if (!DB_TYPE.matcher(lower).matches()) throw invalid("db_type must be a type name such as postgresql");
        return lower;
    }

    static void connectionString(String dbType, String cs) {
        if (cs == null || cs.isBlank()) throw invalid("connection_string is required");
        if (dbType.equals("postgresql")) ConnectionStrings.postgresProblem(cs).ifPresent(p -> { throw invalid(p); });
    }

    static String identifier(ObjectNode b, String field, String current) {
        String v = text(b, field, current, 63);
        if (v == null || v.isEmpty()) return null;
        if (!IDENT.matcher(v).matches()) throw invalid(field + " must be an identifier ([A-Za-z_][A-Za-z0-9_]*)");
        return v;
    }
}
