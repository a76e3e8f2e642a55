package io.fdl.runtime.api.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds the JSON error envelope of api.md §2:
 * {@code {"error": "<human message>", "code": "<MACHINE_CODE>", "details"?, "request_id"?, ...extra}}.
 * A plain ordered map, so Jackson needs no reflection registration for it.
 */
public final class ErrorBody {
    /** Field names owned by the envelope itself. */
    public static final Set<String> RESERVED = Set.of("error", "code", "details", "request_id");

    private ErrorBody() {}

    public static Map<String, Object> of(String message, String code, Object details, String requestId,
                                         Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message == null || message.isBlank() ? defaultMessage(code) : message);
        body.put("code", code);
        if (details != null) body.put("details", details);
        if (requestId != null) body.put("request_id", requestId);
        if (extra != null) extra.forEach((k, v) -> { if (!RESERVED.contains(k)) body.put(k, v); });
        return body;
    }

    public static Map<String, Object> of(String message, String code) {
        return of(message, code, null, null, null);
    }

    public static Map<String, Object> of(ApiException e, String requestId) {
        return of(e.getMessage(), e.code(), e.details(), requestId, e.extra());
    }

    private static String defaultMessage(String code) {
        return code == null ? "Error" : code.replace('_', ' ').toLowerCase();
    }
}
