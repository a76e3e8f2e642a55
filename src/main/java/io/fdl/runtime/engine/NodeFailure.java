package io.fdl.runtime.engine;

/** A node-level failure raised inside engine code (fdl.md §8.1); turned into the node's error. */
final class NodeFailure extends RuntimeException {
    private final String code;

    NodeFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() { return code; }
}
