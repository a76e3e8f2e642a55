package io.fdl.runtime.fdl;

import io.fdl.runtime.gml.GmlScript;

import java.util.ArrayList;
import java.util.List;

/**
 * One GML field of a flow: its source text, the compiled script and where it came from.
 *
 * @param field    the field name as written ({@code with}, {@code args}, {@code case[1].when}, {@code in.from}, ...),
 *                 used in evaluation error messages
 * @param source   the GML text handed to the compiler
 * @param compiled the compiled script (never null in a model produced by a successful parse)
 * @param pos      position of the field's value (document position, or 1:1 for editor JSON)
 * @param map      maps positions inside {@code source} (from a {@code GmlException}) to the document
 */
public record Script(String field, String source, GmlScript compiled, SourcePos pos, SourceMap map) {

    /** Document position of a 1-based line/column inside this script (e.g. of an evaluation error). */
    public SourcePos locate(int line, int column) {
        return map == null ? pos : map.map(line, column);
    }

    /** The plain names assigned by this script, in order, without duplicates (vars, sets). */
    public List<String> assignedNames() {
        List<String> names = new ArrayList<>();
        for (GmlScript.ScriptItem item : compiled.items()) {
            if (item.kind() == GmlScript.ScriptItem.Kind.ASSIGN && !names.contains(item.name())) {
                names.add(item.name());
            }
        }
        return names;
    }
}
