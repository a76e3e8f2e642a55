package io.fdl.runtime.store;

/**
 * A write broke a uniqueness or reference rule: a duplicate name, idempotency key, event seq or key
 * hash, or deleting a row another row still points at (the published version of a flow).
 * The API maps it to 409.
 */
public final class StoreConflictException extends StoreException {
    private final String constraint;

    public StoreConflictException(String constraint, String message) {
        this(constraint, message, null);
    }

    public StoreConflictException(String constraint, String message, Throwable cause) {
        super(message, cause);
        this.constraint = constraint;
    }

    /** The rule that was broken, e.g. {@code uq_flow_versions_number}; see {@link Constraints}. */
    public String constraint() {
        return constraint;
    }
}
