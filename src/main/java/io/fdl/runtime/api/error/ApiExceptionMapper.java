package io.fdl.runtime.api.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders {@link ApiException} thrown by any resource as the api.md §2 envelope. */
public class ApiExceptionMapper {

    @ServerExceptionMapper
    public Response map(ApiException e) {
        String requestId = e.status() >= 500 ? RequestId.current() : null;
        Response.ResponseBuilder r = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(e, requestId));
        Long retryAfter = e.retryAfterSeconds();
        if (retryAfter != null) r.header("Retry-After", retryAfter);
        return r.build();
    }
}
