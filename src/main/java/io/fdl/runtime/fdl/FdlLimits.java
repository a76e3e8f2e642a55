package io.fdl.runtime.fdl;

import io.fdl.runtime.gml.GmlLimits;

/**
 * Save-time limits of fdl.md §13 (all configurable; {@link #DEFAULT} holds the spec defaults).
 *
 * @param maxDocumentBytes UTF-8 size of a YAML document (1 MiB)
 * @param maxNodes         nodes in a document, all levels (1 000)
 * @param maxNesting       nesting of each/loop blocks (8)
 * @param maxAttempts      upper bound of the {@code max-attempts} option (10)
 * @param maxTimeoutMs     upper bound of the {@code timeout} option (300 000)
 * @param maxWaitMs        upper bound of a single {@code wait}: the run duration limit (3 600 000)
 * @param gml              GML compile limits
 */
public record FdlLimits(int maxDocumentBytes, int maxNodes, int maxNesting, int maxAttempts, long maxTimeoutMs,
                        long maxWaitMs, GmlLimits gml) {
    public static final FdlLimits DEFAULT = new FdlLimits(1 << 20, 1000, 8, 10, 300_000, 3_600_000, GmlLimits.DEFAULT);

    public FdlLimits withMaxWaitMs(long ms) {
        return new FdlLimits(maxDocumentBytes, maxNodes, maxNesting, maxAttempts, maxTimeoutMs, ms, gml);
    }
}
