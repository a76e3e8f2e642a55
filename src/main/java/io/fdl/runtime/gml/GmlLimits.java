package io.fdl.runtime.gml;

/** The limits of gml.md §12; all configurable, these are the defaults. */
public record GmlLimits(int maxSourceLength, int maxSyntaxDepth, int maxEvalDepth, long maxSteps,
                        int maxArrayElements, int maxStringCodePoints, int maxObjectKeys, int maxJsonDepth) {
    public static final GmlLimits DEFAULT = new GmlLimits(65_536, 100, 200, 1_000_000, 100_000, 1_048_576, 10_000, 100);
}
