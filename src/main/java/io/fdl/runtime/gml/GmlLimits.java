package io.fdl.runtime.gml;

/**
 * The limits of gml.md §12; all configurable, these are the defaults.
 *
 * @param maxAllocBytes estimated bytes one evaluation may allocate for the strings, arrays and
 *                      objects it builds ({@link ValueSize}); stops one expression from building
 *                      gigabytes out of values that each stay inside the size limits
 */
public record GmlLimits(int maxSourceLength, int maxSyntaxDepth, int maxEvalDepth, long maxSteps,
                        int maxArrayElements, int maxStringCodePoints, int maxObjectKeys, int maxJsonDepth,
                        long maxAllocBytes) {
    public static final long DEFAULT_MAX_ALLOC_BYTES = 64L << 20;
    public static final GmlLimits DEFAULT = new GmlLimits(65_536, 100, 200, 1_000_000, 100_000, 1_048_576, 10_000, 100,
            DEFAULT_MAX_ALLOC_BYTES);

    /** The limits of gml.md §12 with the default allocation budget. */
    public GmlLimits(int maxSourceLength, int maxSyntaxDepth, int maxEvalDepth, long maxSteps, int maxArrayElements,
                     int maxStringCodePoints, int maxObjectKeys, int maxJsonDepth) {
        this(maxSourceLength, maxSyntaxDepth, maxEvalDepth, maxSteps, maxArrayElements, maxStringCodePoints, maxObjectKeys,
                maxJsonDepth, DEFAULT_MAX_ALLOC_BYTES);
    }
}
