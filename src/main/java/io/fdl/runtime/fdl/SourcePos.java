package io.fdl.runtime.fdl;

/**
 * A 1-based line and column. For YAML flows it points into the document; for flows converted from the
 * editor's JSON graph it points inside the field's own text (editor-json.md §4). {@link #NONE} (0, 0)
 * marks a model element that has no source (e.g. built programmatically).
 */
public record SourcePos(int line, int column) {
    public static final SourcePos NONE = new SourcePos(0, 0);
    public static final SourcePos START = new SourcePos(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
