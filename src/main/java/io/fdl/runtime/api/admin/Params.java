package io.fdl.runtime.api.admin;

import io.fdl.runtime.api.error.ApiException;

import java.util.UUID;

/** Query/path parameter parsing with 400/404 envelopes instead of JAX-RS' bare 404 on a bad number. */
public final class Params {
    private Params() {}

    public static int intParam(String name, String raw, int dflt, int min, int max) {
        if (raw == null || raw.isBlank()) return dflt;
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_REQUEST", name + " must be an integer in [" + min + ", " + max + "]");
        }
    }

    /**
     * An integer query parameter (absent → {@code dflt}); anything but a plain decimal integer that
     * fits ({@code abc}, {@code 1e3}, 20 digits) is 400 INVALID_REQUEST. Range rules are the caller's.
     */
    public static int intParam(String name, String raw, int dflt) {
        return intParam(name, raw, dflt, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public static long longParam(String name, String raw, long dflt) {
        if (raw == null || raw.isBlank()) return dflt;
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_REQUEST", name + " must be an integer");
        }
    }

    /** A path id that must be a UUID; anything else cannot exist, so it is 404 like an unknown id. */
    public static UUID pathId(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (RuntimeException e) {
            throw ApiException.notFound(what + " not found");
        }
    }
}
