package io.fdl.runtime.store;

/** Base of the storage failures a service may want to map (409, 503). */
public abstract sealed class StoreException extends RuntimeException
        permits StoreConflictException, StoreUnavailableException {
    protected StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
