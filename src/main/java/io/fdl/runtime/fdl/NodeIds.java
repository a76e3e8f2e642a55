package io.fdl.runtime.fdl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Node ids of an editor graph that are not valid FDL names (editor-json.md §2): the palette makes
 * {@code mapping-1796175816547}, the templates {@code exec-1}. Each such id gets a valid name,
 * deterministically: ids that already are valid names keep them, the others (in document order)
 * have every character outside {@code [A-Za-z0-9_]} replaced by {@code _} (a leading digit gets
 * {@code n_}, a GML keyword a trailing {@code _}) and, when that name is taken, a suffix
 * {@code _2}, {@code _3} …. Expressions use the FDL name; every answer reports the original id
 * ({@link #report}). YAML flows have no mapping ({@link #NONE}).
 *
 * @param sourceByName FDL name → original editor id, only for ids that were renamed
 */
public record NodeIds(Map<String, String> sourceByName) {
    public static final NodeIds NONE = new NodeIds(Map.of());

    public NodeIds {
        sourceByName = Map.copyOf(sourceByName);
    }

    public boolean isEmpty() { return sourceByName.isEmpty(); }

    /**
     * The id the client knows for an engine node path ({@code a/b[2]/c}: every segment, keeping
     * iteration indexes) or a plain node name; anything not renamed is returned as is.
     */
    public String report(String path) {
        if (path == null || sourceByName.isEmpty()) return path;
        if (path.indexOf('/') < 0 && path.indexOf('[') < 0) return sourceByName.getOrDefault(path, path);
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (String segment : path.split("/", -1)) {
            if (!out.isEmpty()) out.append('/');
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            out.append(sourceByName.getOrDefault(name, name));
            if (bracket >= 0) out.append(segment, bracket, segment.length());
        }
        return out.toString();
    }

    /** Assigns names to the given editor ids (document order; duplicates and blanks are left to validation). */
    static Map<String, String> assign(List<String> ids) {
        Set<String> taken = new HashSet<>();
        for (String id : ids) if (Names.isIdent(id)) taken.add(id);
        Map<String, String> toName = new LinkedHashMap<>();
        for (String id : ids) {
            if (id.isEmpty() || Names.isIdent(id) || toName.containsKey(id)) continue;
            String base = sanitize(id);
            String name = base;
            for (int k = 2; taken.contains(name); k++) name = base + "_" + k;
            taken.add(name);
            toName.put(id, name);
        }
        return toName;
    }

    static NodeIds of(Map<String, String> toName) {
        Map<String, String> back = new HashMap<>();
        toName.forEach((id, name) -> back.put(name, id));
        return back.isEmpty() ? NONE : new NodeIds(back);
    }

    private static String sanitize(String id) {
        StringBuilder b = new StringBuilder(id.length() + 2);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        if (Character.isDigit(b.charAt(0))) b.insert(0, "n_");
        String s = b.toString();
        return Names.GML_KEYWORDS.contains(s) ? s + "_" : s;
    }
}
