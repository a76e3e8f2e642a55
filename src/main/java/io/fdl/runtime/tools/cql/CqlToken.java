package io.fdl.runtime.tools.cql;

/** One lexical token of a CQL text; {@code column} is 1-based (tools.md §4.4 rule 3). */
record CqlToken(Kind kind, String text, int column) {

    enum Kind { LPAREN, RPAREN, COMMA, CMP, AND, OR, STRING, NUMBER, PARAM, WORD, EOF }

    /** True for a WORD equal (case-insensitively) to the given keyword. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    String describe() {
        return switch (kind) {
            case EOF -> "end of expression";
            case STRING -> "string '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
