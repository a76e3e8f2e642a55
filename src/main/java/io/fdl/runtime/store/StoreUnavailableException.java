package io.fdl.runtime.store;

/** The database cannot be reached or did not answer in time. The API maps it to 503. */
public final class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
