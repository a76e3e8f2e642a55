package io.fdl.runtime.fdl;

import java.util.Set;

/** Parses the type syntax of fdl.md §3.1 ({@code base { "[]" | "?" }}), normalising aliases. */
final class TypeParser {

    /** A syntax error at a code-unit offset of the type text. */
    static final class TypeSyntaxException extends Exception {
        final int offset;

        TypeSyntaxException(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    static final Set<String> BASE_NAMES = Set.of("bool", "boolean", "int", "long", "double", "number", "decimal",
            "string", "date", "any", "map", "object", "array");

    private final String s;
    private int i;

    private TypeParser(String s) {
        this.s = s;
    }

    static TypeRef parse(String text) throws TypeSyntaxException {
        TypeParser p = new TypeParser(text);
        p.skipWs();
        if (p.i >= text.length()) throw new TypeSyntaxException("empty type", 0);
        TypeRef t = p.type(0);
        p.skipWs();
        if (p.i < text.length()) throw new TypeSyntaxException("unexpected '" + text.charAt(p.i) + "' in type", p.i);
        return t;
    }

    /** True when the text is syntactically a type (names not resolved). */
    static boolean isTypeSyntax(String text) {
        try {
            parse(text);
            return true;
        } catch (TypeSyntaxException e) {
            return false;
        }
    }

    private TypeRef type(int depth) throws TypeSyntaxException {
        if (depth > 32) throw new TypeSyntaxException("type nested too deeply", i);
        TypeRef t = base(depth);
        boolean lastNullable = false;
        while (true) {
            skipWs();
            if (i < s.length() && s.charAt(i) == '?') {
                if (lastNullable) throw new TypeSyntaxException("'?' applied twice", i);
                t = new TypeRef.Nullable(t);
                lastNullable = true;
                i++;
            } else if (i < s.length() && s.charAt(i) == '[') {
                int at = i;
                i++;
                skipWs();
                if (i >= s.length() || s.charAt(i) != ']') throw new TypeSyntaxException("expected ']'", at);
                i++;
                t = new TypeRef.ArrayOf(t);
                lastNullable = false;
            } else {
                return t;
            }
        }
    }

    private TypeRef base(int depth) throws TypeSyntaxException {
        skipWs();
        int start = i;
        if (i >= s.length() || !(Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
            throw new TypeSyntaxException(i >= s.length() ? "missing type" : "unexpected '" + s.charAt(i) + "' in type", i);
        }
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        String name = s.substring(start, i);
        switch (name) {
            case "bool", "boolean": return TypeRef.Prim.BOOL;
            case "int": return TypeRef.Prim.INT;
            case "long": return TypeRef.Prim.LONG;
            case "double", "number": return TypeRef.Prim.DOUBLE;
            case "decimal": return TypeRef.Prim.DECIMAL;
            case "string": return TypeRef.Prim.STRING;
            case "date": return TypeRef.Prim.DATE;
            case "any": return TypeRef.Prim.ANY;
            case "object": return new TypeRef.MapOf(TypeRef.Prim.ANY);
            case "array": return new TypeRef.ArrayOf(TypeRef.Prim.ANY);
            case "map": {
                skipWs();
                if (i >= s.length() || s.charAt(i) != '<') throw new TypeSyntaxException("expected 'map<type>'", start);
                i++;
                TypeRef inner = type(depth + 1);
                skipWs();
                if (i >= s.length() || s.charAt(i) != '>') throw new TypeSyntaxException("expected '>' closing 'map<'", i);
                i++;
                return new TypeRef.MapOf(inner);
            }
            default:
                return new TypeRef.Named(name);
        }
    }

    private void skipWs() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
    }

    /**
     * The offset of the first {@code =} that separates type and default in an {@code in} value
     * (fdl.md §3.3 rule 2), or -1: outside quotes and not part of {@code == === != !== <= >= =>}.
     */
    static int defaultSplit(String text) {
        char quote = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (quote != 0) {
                if (c == '\\') k++;
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '=') {
                char prev = k > 0 ? text.charAt(k - 1) : 0;
                char next = k + 1 < text.length() ? text.charAt(k + 1) : 0;
                if (prev == '=' || prev == '!' || prev == '<' || prev == '>' || next == '=' || next == '>') continue;
                return k;
            }
        }
        return -1;
    }
}
