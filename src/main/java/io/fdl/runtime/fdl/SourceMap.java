package io.fdl.runtime.fdl;

import java.util.Arrays;

/**
 * Maps a 1-based line/column inside a GML text to a position in the source it came from. Exact for
 * plain and literal ({@code |}) YAML scalars, the scalar's start for quoted and folded ones, and the
 * identity for editor-JSON fields (whose diagnostics are relative to the field text).
 */
public final class SourceMap {
    private final SourcePos start;
    private final int[] lines;   // per code point of the text: document line, or null for "start only"
    private final int[] columns;
    private final int[] textLineStarts; // code point offset of each line of the text
    private final boolean identity;

    private SourceMap(SourcePos start, int[] lines, int[] columns, int[] textLineStarts, boolean identity) {
        this.start = start;
        this.lines = lines;
        this.columns = columns;
        this.textLineStarts = textLineStarts;
        this.identity = identity;
    }

    /** Positions are those of the text itself (editor JSON fields, programmatic flows). */
    public static SourceMap identity() {
        return new SourceMap(SourcePos.START, null, null, null, true);
    }

    /** Every position maps to the scalar's start (quoted/folded scalars). */
    public static SourceMap startOnly(SourcePos start) {
        return new SourceMap(start, null, null, null, false);
    }

    /**
     * Exact mapping: {@code lines[i]}/{@code columns[i]} is the document position of code point i of
     * {@code text}; arrays may have one extra trailing entry for "end of text".
     */
    static SourceMap exact(String text, SourcePos start, int[] lines, int[] columns) {
        return new SourceMap(start, lines, columns, lineStarts(text), false);
    }

    /** The scalar's start in the document (or 1:1 for identity maps). */
    public SourcePos start() {
        return start;
    }

    /** Maps a 1-based position inside the text (e.g. of a {@code GmlException}) to the source. */
    public SourcePos map(int line, int column) {
        if (identity) return new SourcePos(Math.max(1, line), Math.max(1, column));
        if (lines == null || line < 1 || line > textLineStarts.length) return start;
        int idx = textLineStarts[line - 1] + Math.max(0, column - 1);
        if (idx < lines.length) return new SourcePos(lines[idx], columns[idx]);
        if (lines.length == 0) return start;
        // past the end: one column after the last mapped code point
        return new SourcePos(lines[lines.length - 1], columns[lines.length - 1] + (idx - lines.length + 1));
    }

    private static int[] lineStarts(String text) {
        int[] cps = text.codePoints().toArray();
        int[] starts = new int[8];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == '\n') {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    @Override
    public String toString() {
        return identity ? "identity" : lines == null ? "start@" + start : "exact@" + start;
    }
}
