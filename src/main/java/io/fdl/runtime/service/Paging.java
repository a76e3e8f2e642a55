package io.fdl.runtime.service;

import io.fdl.runtime.api.error.ApiException;

/** List paging rules shared by every list route: limit 1..500, offset ≥ 0; anything else is a 400. */
public final class Paging {
    public static final int MAX_LIMIT = 500;

    private Paging() {}

    public static void check(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("BAD_REQUEST", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) throw ApiException.badRequest("BAD_REQUEST", "offset must not be negative");
    }
}
