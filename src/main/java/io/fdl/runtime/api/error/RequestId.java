package io.fdl.runtime.api.error;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Per-request correlation id. {@link RequestIdFilter} assigns it at the very start of every HTTP
 * request (an incoming {@code X-Request-Id} is kept when it is a sane token, otherwise a UUID is
 * generated), echoes it as the {@code X-Request-Id} response header and puts it in the logging MDC
 * under {@value #MDC_KEY}; Quarkus keeps the MDC on the request's Vert.x context, so it follows
 * the request onto worker threads and into every log line (JSON logs include it as a field).
 */
public final class RequestId {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    /** RoutingContext data key holding the id. */
    public static final String CONTEXT_KEY = "fdl.request-id";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestId() {}

    /** The current request's id (from the MDC), or a fresh one when called outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id != null ? id.toString() : generate();
    }

    /** Keeps a client-supplied id only when it cannot inject anything into logs or headers. */
    public static String accept(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : generate();
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }
}
