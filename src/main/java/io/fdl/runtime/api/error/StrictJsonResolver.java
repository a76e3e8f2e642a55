package io.fdl.runtime.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Every REST body is read with {@link StrictJson} (the base mapper keeps serving other readers). */
@Provider
public class StrictJsonResolver implements ContextResolver<ObjectMapper> {
    private final ObjectMapper strict;

    @Inject
    public StrictJsonResolver(ObjectMapper base) {
        this.strict = StrictJson.mapper(base);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
