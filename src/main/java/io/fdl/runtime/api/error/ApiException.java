package io.fdl.runtime.api.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one exception every resource throws for a client-visible error (api.md §2). It is rendered
 * as {@code {"error": message, "code": code, "details": details?, ...extra}} with the given HTTP
 * status by {@link ApiExceptionMapper}. Extra top-level fields carry the spec's additions such as
 * {@code validation_errors} (400 INVALID_INPUTS), {@code diagnostics} (422 INVALID_FLOW) or
 * {@code line}/{@code column} (GML_ERROR); {@code retry_after} (seconds) also sets the
 * {@code Retry-After} header of a 429/503.
 *
 * <pre>
 * throw new ApiException(404, "NOT_FOUND", "Flow not found", null);
 * throw ApiException.badRequest("INVALID_INPUTS", "Invalid inputs").with("validation_errors", errors);
 * throw ApiException.tooManyRequests("rate_limited", "Rate limit exceeded", 60);
 * </pre>
 */
public class ApiException extends RuntimeException {

    /** Extra top-level field whose numeric value (seconds) also becomes the Retry-After header. */
    public static final String RETRY_AFTER = "retry_after";

    private final int status;
    private final String code;
    private final transient Object details;
    private final transient Map<String, Object> extra = new LinkedHashMap<>();

    public ApiException(int status, String code, String message, Object details) {
        super(message, null, false, false); // no stack trace: this is a value, not a bug
        if (status < 400 || status > 599) throw new IllegalArgumentException("not an error status: " + status);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.details = details;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** Adds an extra top-level JSON field (reserved names error/code/details/request_id are refused). */
    public ApiException with(String field, Object value) {
        if (ErrorBody.RESERVED.contains(field)) throw new IllegalArgumentException("reserved field: " + field);
        extra.put(field, value);
        return this;
    }

    public int status() { return status; }
    public String code() { return code; }
    public Object details() { return details; }
    public Map<String, Object> extra() { return Collections.unmodifiableMap(extra); }

    /** Retry-After seconds when {@link #RETRY_AFTER} was set to a number. */
    public Long retryAfterSeconds() {
        return extra.get(RETRY_AFTER) instanceof Number n ? n.longValue() : null;
    }

    public static ApiException badRequest(String code, String message) { return new ApiException(400, code, message); }
    public static ApiException unauthorized(String message) { return new ApiException(401, "UNAUTHORIZED", message); }
    public static ApiException forbidden(String message) { return new ApiException(403, "FORBIDDEN", message); }
    public static ApiException notFound(String message) { return new ApiException(404, "NOT_FOUND", message); }
    public static ApiException conflict(String code, String message) { return new ApiException(409, code, message); }

    public static ApiException tooManyRequests(String code, String message, long retryAfterSeconds) {
        return new ApiException(429, code, message).with(RETRY_AFTER, retryAfterSeconds);
    }

    public static ApiException unavailable(String code, String message) { return new ApiException(503, code, message); }
}
