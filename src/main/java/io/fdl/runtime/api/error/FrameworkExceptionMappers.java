package io.fdl.runtime.api.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Maps every exception that reaches the REST layer to the api.md §2 envelope, so no client ever
 * sees a framework default body or a stack trace. Mappers declared here take precedence over
 * Quarkus' built-in ones for the same exception type. Security exceptions (401/403) are rendered by
 * {@code io.fdl.runtime.api.auth.SecurityExceptionMappers} (auth owns them: it also audits denials);
 * {@link FrameworkErrorRoutes} covers the ones raised outside the REST layer.
 */
public class FrameworkExceptionMappers {
    private static final Logger LOG = Logger.getLogger(FrameworkExceptionMappers.class);

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        Response rejected = rejected(e);
        return rejected != null ? rejected : malformedJson(e);
    }

    /** A {@link StrictJson} refusal, wherever databind wrapped it (creator properties wrap, for one). */
    private static Response rejected(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StrictJson.Rejected r) return envelope(400, r.code(), r.reason(), location(r));
            if (c instanceof InputCoercionException ic) {
                return envelope(400, ErrorCodes.INVALID_REQUEST, "number out of range for its field", location(ic));
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response coercion(InputCoercionException e) {
        // a number too large for its field (e.g. a long): valid JSON, invalid request
        return envelope(400, ErrorCodes.INVALID_REQUEST, "number out of range for its field", location(e));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        Response rejected = rejected(e);
        if (rejected != null) return rejected;
        // valid JSON of the wrong shape, e.g. a string where an object is expected
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        Map<String, Object> details = new LinkedHashMap<>();
        if (!path.isEmpty()) details.put("field", path);
        String message = path.isEmpty() ? "Request body has the wrong shape" : "Invalid value for '" + path + "'";
        return envelope(400, ErrorCodes.INVALID_REQUEST, message, details.isEmpty() ? null : details);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        Response rejected = rejected(e);
        if (rejected != null) return rejected;
        return envelope(400, ErrorCodes.INVALID_REQUEST, "Request body cannot be read", null);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        Response rejected = rejected(e);
        return rejected != null ? rejected : malformedJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) return internal(e);
        // the JSON reader wraps Jackson's exception in a 400: answer as if it had reached us directly
        Response rejected = rejected(e);
        if (rejected != null) return rejected;
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof JsonParseException p) return malformed(p);
            if (c instanceof InputCoercionException ic) return coercion(ic);
            if (c instanceof MismatchedInputException m) return mismatched(m);
            if (c instanceof JsonProcessingException j) return json(j);
        }
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(ErrorCodes.messageFor(status), ErrorCodes.forStatus(status)));
        // keep the headers the framework computed (Allow on 405, WWW-Authenticate on 401, ...)
        if (e.getResponse() != null) {
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> r.header(name, v));
                }
            });
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return internal(e);
    }

    static Response internal(Throwable e) {
        String requestId = RequestId.current();
        LOG.errorf(e, "Unhandled error [request_id=%s]", requestId);
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(ErrorCodes.messageFor(500), ErrorCodes.INTERNAL_ERROR, null, requestId, null))
                .build();
    }

    private static Response malformedJson(JsonProcessingException e) {
        return envelope(400, ErrorCodes.MALFORMED_JSON, "Malformed JSON in request body", location(e));
    }

    private static Map<String, Object> location(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() <= 0) return null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("line", e.getLocation().getLineNr());
        details.put("column", e.getLocation().getColumnNr());
        return details;
    }

    private static Response envelope(int status, String code, String message, Object details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(message, code, details, null, null)).build();
    }
}
