package io.fdl.runtime.gml;

/** A GML error (gml.md §8) with a 1-based position inside the script source. */
public class GmlException extends RuntimeException {
    public enum Kind { SYNTAX, EVALUATION }

    private final Kind kind;
    private final int line;
    private final int column;
    private final boolean limitExceeded;

    public GmlException(Kind kind, String message, int line, int column) {
        this(kind, message, line, column, false);
    }

    public GmlException(Kind kind, String message, int line, int column, boolean limitExceeded) {
        super(message, null, false, false);
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.limitExceeded = limitExceeded;
    }

    public Kind kind() { return kind; }
    public int line() { return line; }
    public int column() { return column; }
    /** True when a limit of gml.md §12 was exceeded (FDL code LIMIT_EXCEEDED). */
    public boolean limitExceeded() { return limitExceeded; }
}
