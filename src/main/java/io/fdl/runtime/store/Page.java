package io.fdl.runtime.store;

import java.util.List;

/** One page of a list plus the number of rows matching the filter (for {@code total}). */
public record Page<T>(List<T> items, long total, int limit, int offset) {
    public Page {
        items = List.copyOf(items);
    }
}
