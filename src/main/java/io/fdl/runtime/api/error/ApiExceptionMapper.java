package io.fdl.runtime.api.error;

import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.StoreUnavailableException;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Renders {@link ApiException} thrown by any resource as the api.md §2 envelope, and the store's
 * domain failures that no service translated: a lost database is 503 (retry later, nothing was
 * half-written), a uniqueness conflict is 409.
 */
public class ApiExceptionMapper {
    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class);
    public static final long STORAGE_RETRY_AFTER_SECONDS = 5;

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

    @ServerExceptionMapper
    public Response map(StoreUnavailableException e) {
        LOG.warnf("storage unavailable [request_id=%s]: %s", RequestId.current(), e.getMessage());
        return map(new ApiException(503, "STORAGE_UNAVAILABLE", "storage is unavailable, retry later")
                .with(ApiException.RETRY_AFTER, STORAGE_RETRY_AFTER_SECONDS));
    }

    @ServerExceptionMapper
    public Response map(StoreConflictException e) {
        return map(new ApiException(409, "CONFLICT", "the change conflicts with the current state (" + e.constraint() + ")"));
    }
}
