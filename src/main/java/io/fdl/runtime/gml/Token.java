package io.fdl.runtime.gml;

import java.util.List;

/**
 * One lexical token. {@code value} holds the decoded literal: a Long or Double for NUMBER, the
 * unescaped text for STRING, the name for IDENT/TEMP (TEMP without the '$'), {@link TemplateParts}
 * for TEMPLATE.
 */
record Token(TokenType type, String text, Object value, int line, int column) {

    /** Literal texts and the token lists of the embedded expressions of a template (§3.7). */
    record TemplateParts(List<String> literals, List<List<Token>> expressions) {}

    String describe() {
        return switch (type) {
            case EOF -> "end of input";
            case NEWLINE -> "line break";
            case STRING -> "string";
            case TEMPLATE -> "template";
            case NUMBER -> "number '" + text + "'";
            case IDENT -> "identifier '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
