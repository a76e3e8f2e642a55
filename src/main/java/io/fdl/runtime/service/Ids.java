package io.fdl.runtime.service;

import io.fdl.runtime.api.error.ApiException;

import java.util.UUID;

/** Path ids: a malformed id names nothing, so it is a 404 like any unknown id (api.md §2). */
public final class Ids {
    private Ids() {}

    public static UUID parse(String id, String what) {
        if (id != null && id.length() == 36) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException ignored) {
                // fall through
            }
        }
        throw notFound(what);
    }

    /** Null/blank → null; else like {@link #parse}. */
    public static UUID parseOptional(String id, String what) {
        return id == null || id.isBlank() ? null : parse(id, what);
    }

    public static ApiException notFound(String what) {
        return ApiException.notFound(what + " not found");
    }
}
