package io.fdl.runtime.gml;

/** Token kinds of gml.md §3. */
enum TokenType {
    // literals and names
    NUMBER, STRING, TEMPLATE, IDENT, TEMP, ROOT,
    // lower-case keywords
    TRUE, FALSE, NULL, THIS, RETURN,
    // upper-case keywords
    CASE, WHEN, THEN, ELSE, END, IN, LIKE, NOT, AND, OR,
    // operators and punctuation
    PLUS, MINUS, STAR, SLASH, PERCENT,
    EQ_EQ, BANG_EQ, EQ_EQ_EQ, BANG_EQ_EQ, LT, LT_EQ, GT, GT_EQ,
    AMP_AMP, PIPE_PIPE, QQ, BANG, QUESTION, COLON, DOT, QDOT, COMMA,
    LPAREN, RPAREN, LBRACKET, RBRACKET, LBRACE, RBRACE, EQ, ARROW, ELLIPSIS, LAST,
    NEWLINE, EOF;

    /** Rule 2 of §4.2: the token can end an expression. */
    boolean canEnd() {
        return switch (this) {
            case NUMBER, STRING, TEMPLATE, IDENT, TEMP, ROOT, TRUE, FALSE, NULL, THIS,
                 RPAREN, RBRACKET, RBRACE, LAST, END -> true;
            default -> false;
        };
    }

    /** Rule 3 of §4.2: the token continues an expression. */
    boolean continues() {
        return switch (this) {
            case DOT, QDOT, QUESTION, COLON, STAR, SLASH, PERCENT, EQ_EQ, BANG_EQ, EQ_EQ_EQ, BANG_EQ_EQ,
                 LT, LT_EQ, GT, GT_EQ, AMP_AMP, PIPE_PIPE, QQ, IN, LIKE, AND, OR, WHEN, THEN, ELSE, END,
                 RPAREN, RBRACKET, RBRACE -> true;
            default -> false;
        };
    }
}
