package io.fdl.runtime.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code FDL_CORS_ORIGINS} rules (api.md §1): a comma list of origins. Unset in dev mode means
 * {@code *}; unset in production means no cross-origin access at all (CORS disabled, browsers
 * enforce same-origin); {@code *} in production is refused rather than silently narrowed.
 */
public final class CorsPolicy {
    private CorsPolicy() {}

    /** Effective allowed origins; empty = CORS off. Problems are added to {@code errors}. */
    public static List<String> origins(boolean devMode, String configured, List<String> errors) {
        List<String> list = new ArrayList<>();
        if (configured != null) {
            Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(list::add);
        }
        if (list.isEmpty()) return devMode ? List.of("*") : List.of();
        if (list.contains("*")) {
            if (!devMode) {
                errors.add("FDL_CORS_ORIGINS=* is only allowed when FDL_DEV_MODE=true; list the allowed origins");
                return List.of();
            }
            return List.of("*");
        }
        for (String origin : list) {
            if (!origin.matches("https?://[^/\\s]+")) {
                errors.add("FDL_CORS_ORIGINS entry '" + origin + "' is not an origin like https://app.example.com");
            }
        }
        return List.copyOf(list);
    }
}
