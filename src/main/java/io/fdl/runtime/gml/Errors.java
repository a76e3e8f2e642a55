package io.fdl.runtime.gml;

/**
 * Factory of evaluation errors. Built-ins throw errors without a position (line 0); the calling
 * node adds its position with {@link #at}.
 */
final class Errors {
    private Errors() {}

    static GmlException eval(String msg) {
        return new GmlException(GmlException.Kind.EVALUATION, msg, 0, 0);
    }

    static GmlException limit(String msg) {
        return new GmlException(GmlException.Kind.EVALUATION, msg, 0, 0, true);
    }

    /** Adds a position to an error that has none yet. */
    static GmlException at(GmlException e, int line, int col) {
        if (e.line() != 0) return e;
        return new GmlException(e.kind(), e.getMessage() + " at " + line + ":" + col, line, col, e.limitExceeded());
    }

    static GmlException at(GmlException e, Ast.Pos pos) {
        return at(e, pos.line(), pos.col());
    }
}
