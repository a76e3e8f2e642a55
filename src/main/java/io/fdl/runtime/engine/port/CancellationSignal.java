package io.fdl.runtime.engine.port;

/** Lets long-running tool work (a child flow run) learn that its caller was cancelled. */
public interface CancellationSignal {
    boolean isCancelled();

    /** Registers a callback run once when the caller is cancelled (immediately if it already is). */
    void onCancel(Runnable callback);

    CancellationSignal NONE = new CancellationSignal() {
        @Override public boolean isCancelled() { return false; }
        @Override public void onCancel(Runnable callback) {}
    };
}
