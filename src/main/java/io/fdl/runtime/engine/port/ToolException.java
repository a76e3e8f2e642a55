package io.fdl.runtime.engine.port;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/** A failed tool attempt with a stable code (fdl.md §8.4, tools.md): TIMEOUT, CONNECTION_ERROR, HTTP_503, NO_MOCK … */
public class ToolException extends RuntimeException {
    private static final Set<String> RETRYABLE = Set.of("TIMEOUT", "CONNECTION_ERROR", "HTTP_429");

    private final String code;
    private final JsonNode details;

    public ToolException(String code, String message) {
        this(code, message, null);
    }

    public ToolException(String code, String message, JsonNode details) {
        super(message, null, false, false);
        this.code = code;
        this.details = details;
    }

    public String code() { return code; }

    /** Optional extra information (e.g. an HTTP error body); never contains secrets. */
    public JsonNode details() { return details; }

    /** Retryable codes per fdl.md §8.4: TIMEOUT, CONNECTION_ERROR, HTTP_429 and HTTP_5xx. */
    public static boolean isRetryable(String code) {
        return RETRYABLE.contains(code) || (code != null && code.length() == 8 && code.startsWith("HTTP_5"));
    }
}
