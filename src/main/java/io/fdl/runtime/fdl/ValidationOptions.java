package io.fdl.runtime.fdl;

/**
 * Options of one parse/validation.
 *
 * @param limits     document limits (never null)
 * @param knownTools the tenant's registry for UNKNOWN_TOOL warnings, or null to skip that check
 * @param style      true to report STYLE warnings (YAML only)
 */
public record ValidationOptions(FdlLimits limits, KnownTools knownTools, boolean style) {
    public static final ValidationOptions DEFAULT = new ValidationOptions(FdlLimits.DEFAULT, null, true);

    public ValidationOptions {
        if (limits == null) limits = FdlLimits.DEFAULT;
    }

    public ValidationOptions withKnownTools(KnownTools tools) {
        return new ValidationOptions(limits, tools, style);
    }

    public ValidationOptions withLimits(FdlLimits l) {
        return new ValidationOptions(l, knownTools, style);
    }
}
