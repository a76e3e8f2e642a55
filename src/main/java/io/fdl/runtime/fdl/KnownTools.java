package io.fdl.runtime.fdl;

/**
 * The tenant's tool registry as seen by save-time validation (warning UNKNOWN_TOOL, fdl.md §12).
 * Asked with {@code type://service} as written in the URI ({@code api://crm}, {@code db://shop},
 * {@code flow://billing-sync}); for {@code db://a.b/op} the validator also asks {@code db://a} before
 * warning (tools.md §4.1). Services containing {@code ${}} are never asked.
 */
@FunctionalInterface
public interface KnownTools {
    boolean isRegistered(String typeAndService);
}
