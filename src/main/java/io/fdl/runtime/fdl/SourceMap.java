package io.fdl.runtime.fdl;

import java.util.Arrays;

/**
 * Maps positions inside a text (a GML field, an exec URI, a type) to positions in the source it came
 * from. Exact for plain and literal ({@code |}) YAML scalars, the scalar's start for quoted and folded
 * ones, and the text's own line/column for editor-JSON fields (editor-json.md §4).
 */
public final class SourceMap {
    private final SourcePos start;
    private final int[] lines;   // per code point of the text (+1 for "end"): source line; null = start only
    private final int[] columns;
    private final int[] textLineStarts; // code point offset of each line of the text

    private SourceMap(SourcePos start, int[] lines, int[] columns, int[] textLineStarts) {
        this.start = start;
        this.lines = lines;
        this.columns = columns;
        this.textLineStarts = textLineStarts;
    }

    /** Positions are those inside the text itself (editor JSON fields, programmatic flows). */
    public static SourceMap identity(String text) {
        int[] cps = text.codePoints().toArray();
        int[] lines = new int[cps.length + 1];
        int[] cols = new int[cps.length + 1];
        int line = 1, col = 1;
        for (int i = 0; i <= cps.length; i++) {
            lines[i] = line;
            cols[i] = col;
            if (i < cps.length && cps[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new SourceMap(SourcePos.START, lines, cols, lineStarts(cps));
    }

    /** Every position maps to the scalar's start (quoted/folded scalars). */
    public static SourceMap startOnly(SourcePos start) {
        return new SourceMap(start, null, null, null);
    }

    /**
     * Exact mapping: {@code lines[i]}/{@code columns[i]} is the source position of code point i of
     * {@code text}; the arrays have one extra trailing entry for "end of text".
     */
    static SourceMap exact(String text, SourcePos start, int[] lines, int[] columns) {
        return new SourceMap(start, lines, columns, lineStarts(text.codePoints().toArray()));
    }

    /** The position of the text's start in the source. */
    public SourcePos start() {
        return lines == null || lines.length == 0 ? start : new SourcePos(lines[0], columns[0]);
    }

    /** Maps a 1-based position inside the text (e.g. of a {@code GmlException}) to the source. */
    public SourcePos map(int line, int column) {
        if (lines == null || line < 1 || line > textLineStarts.length) return start();
        return at(textLineStarts[line - 1] + Math.max(0, column - 1));
    }

    /** The source position of the code point at {@code index} of the text. */
    public SourcePos at(int index) {
        if (lines == null || lines.length == 0) return start;
        if (index < 0) index = 0;
        if (index < lines.length) return new SourcePos(lines[index], columns[index]);
        int last = lines.length - 1;
        return new SourcePos(lines[last], columns[last] + (index - last));
    }

    /** The map of a part of the text starting at code point {@code from} (for `${}` parts, defaults, each sources). */
    public SourceMap sub(String part, int from) {
        if (lines == null) return this;
        int[] partCps = part.codePoints().toArray();
        int n = partCps.length + 1;
        int[] l = new int[n];
        int[] c = new int[n];
        for (int k = 0; k < n; k++) {
            SourcePos p = at(from + k);
            l[k] = p.line();
            c[k] = p.column();
        }
        return new SourceMap(at(from), l, c, lineStarts(partCps));
    }

    private static int[] lineStarts(int[] cps) {
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
        return lines == null ? "start@" + start : "exact@" + start();
    }
}
