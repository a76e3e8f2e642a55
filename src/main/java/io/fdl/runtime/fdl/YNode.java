package io.fdl.runtime.fdl;

import java.util.List;
import java.util.function.Supplier;

/**
 * The neutral document tree that the model builder reads: produced from YAML events (with document
 * positions) or from the editor's JSON graph (with positions inside each field's text). Every node
 * carries the diagnostic {@code path} its producer chose ({@code flow.node.a.with}, {@code nodes[3].data.with}).
 */
sealed interface YNode permits YNode.Scalar, YNode.Map, YNode.Seq {

    SourcePos pos();

    String path();

    /** How the scalar was written; decides how YAML types it (§2.3) and how positions are mapped. */
    enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED, JSON_STRING, JSON_NUMBER, JSON_BOOLEAN, JSON_NULL }

    /**
     * A scalar. {@code map} supplies the position mapping of its text (computed on demand).
     * {@code blankLinesBefore} is used by STYLE checks only.
     */
    record Scalar(String value, Style style, SourcePos pos, String path, Supplier<SourceMap> map) implements YNode {
        SourceMap sourceMap() {
            return map == null ? SourceMap.startOnly(pos) : map.get();
        }

        /** Plain YAML scalars are typed by the core schema; JSON scalars by their JSON type. */
        boolean isPlain() {
            return style == Style.PLAIN;
        }
    }

    /** One map entry; the key is always a scalar (complex keys are rejected while reading). */
    record Entry(Scalar key, YNode value) {}

    /**
     * A map in document order. {@code keyColumn} is the column of its keys in block style (0 for flow
     * style or JSON) and {@code firstLine} the line of its first key, both for STYLE checks.
     */
    record Map(List<Entry> entries, SourcePos pos, String path, boolean block) implements YNode {
        Entry entry(String key) {
            for (Entry e : entries) if (e.key().value().equals(key)) return e;
            return null;
        }

        YNode get(String key) {
            Entry e = entry(key);
            return e == null ? null : e.value();
        }
    }

    /** A sequence. */
    record Seq(List<YNode> items, SourcePos pos, String path, boolean block) implements YNode {}
}
