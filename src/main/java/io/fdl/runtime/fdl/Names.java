package io.fdl.runtime.fdl;

import java.util.Set;
import java.util.regex.Pattern;

/** Name rules of fdl.md §3.2, §3.3 and §5.1. */
final class Names {
    private Names() {}

    static final Set<String> GML_KEYWORDS = Set.of("true", "false", "null", "this", "return",
            "CASE", "WHEN", "THEN", "ELSE", "END", "IN", "LIKE", "NOT", "AND", "OR");

    /** Node ids, variables, aliases, indexes. */
    static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Inputs and record / out field names. */
    static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    static boolean isIdent(String s) {
        return s != null && IDENT.matcher(s).matches() && !GML_KEYWORDS.contains(s);
    }

    static boolean isField(String s) {
        return s != null && FIELD.matcher(s).matches() && !GML_KEYWORDS.contains(s);
    }

    /** Why a name is invalid, for messages. */
    static String why(String s, boolean field) {
        if (s == null || s.isEmpty()) return "empty name";
        if (GML_KEYWORDS.contains(s)) return "'" + s + "' is a GML keyword";
        return "'" + s + "' must match " + (field ? "[A-Za-z_][A-Za-z0-9_-]*" : "[A-Za-z_][A-Za-z0-9_]*");
    }
}
