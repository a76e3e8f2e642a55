package io.fdl.runtime.fdl;

/** Small lexical helpers over GML text used to split FDL values without a full parse. */
final class GmlText {
    private GmlText() {}

    /**
     * The index of the {@code }} that closes an expression starting at {@code from} (just after a
     * {@code ${}), skipping strings, templates with nested {@code ${}} and brackets; -1 if none.
     */
    static int closingBrace(String s, int from) {
        int depth = 0;
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\'' || c == '"') {
                k = skipString(s, k, c);
                if (k < 0) return -1;
            } else if (c == '`') {
                k = skipTemplate(s, k);
                if (k < 0) return -1;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '}') {
                if (depth == 0) return k;
                depth--;
            }
        }
        return -1;
    }

    /** Index of the closing quote of a string starting at {@code k}, or -1. */
    static int skipString(String s, int k, char q) {
        for (int j = k + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') j++;
            else if (c == q) return j;
        }
        return -1;
    }

    /** Index of the closing backtick of a template starting at {@code k}, or -1. */
    static int skipTemplate(String s, int k) {
        for (int j = k + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '`') {
                return j;
            } else if (c == '$' && j + 1 < s.length() && s.charAt(j + 1) == '{') {
                int end = closingBrace(s, j + 2);
                if (end < 0) return -1;
                j = end;
            }
        }
        return -1;
    }

    /**
     * The index of the last {@code =>} outside brackets, strings and templates (fdl.md §6.8), or -1.
     */
    static int lastArrow(String s) {
        int depth = 0;
        int found = -1;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\'' || c == '"') {
                k = skipString(s, k, c);
                if (k < 0) return found;
            } else if (c == '`') {
                k = skipTemplate(s, k);
                if (k < 0) return found;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '=' && k + 1 < s.length() && s.charAt(k + 1) == '>' && depth == 0) {
                found = k;
                k++;
            }
        }
        return found;
    }
}
