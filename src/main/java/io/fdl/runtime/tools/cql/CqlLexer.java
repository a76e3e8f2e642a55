package io.fdl.runtime.tools.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scanner for CQL (tools.md §4.4). Keywords are not recognised here: {@code AND}/{@code OR} as
 * words become AND/OR tokens, every other keyword stays a WORD and the parser decides by position,
 * so a column may be called {@code date} or {@code time}.
 */
final class CqlLexer {
    static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private final String src;
    private int pos;

    private CqlLexer(String src) {
        this.src = src;
    }

    static List<CqlToken> tokenize(String src) {
        return new CqlLexer(src).run();
    }

    private List<CqlToken> run() {
        List<CqlToken> out = new ArrayList<>();
        while (true) {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
            if (pos >= src.length()) {
                out.add(new CqlToken(CqlToken.Kind.EOF, "", src.length() + 1));
                return out;
            }
            int start = pos;
            char c = src.charAt(pos);
            switch (c) {
                case '(' -> { pos++; out.add(tok(CqlToken.Kind.LPAREN, "(", start)); }
                case ')' -> { pos++; out.add(tok(CqlToken.Kind.RPAREN, ")", start)); }
                case ',' -> { pos++; out.add(tok(CqlToken.Kind.COMMA, ",", start)); }
                case '\'', '"' -> out.add(string(c, start));
                case '=' -> out.add(tok(CqlToken.Kind.CMP, "=", start, match("==") ? 2 : 1));
                case '!' -> {
                    if (!match("!=")) throw CqlSyntax.at(start + 1, "unexpected '!' (did you mean '!='?)");
                    out.add(tok(CqlToken.Kind.CMP, "!=", start, 2));
                }
                case '<' -> {
                    String op = match("<>") ? "<>" : match("<=") ? "<=" : "<";
                    out.add(tok(CqlToken.Kind.CMP, op, start, op.length()));
                }
                case '>' -> {
                    String op = match(">=") ? ">=" : ">";
                    out.add(tok(CqlToken.Kind.CMP, op, start, op.length()));
                }
                case '&' -> {
                    if (!match("&&")) throw CqlSyntax.at(start + 1, "unexpected '&' (use '&&' or AND)");
                    out.add(tok(CqlToken.Kind.AND, "&&", start, 2));
                }
                case '|' -> {
                    if (!match("||")) throw CqlSyntax.at(start + 1, "unexpected '|' (use '||' or OR)");
                    out.add(tok(CqlToken.Kind.OR, "||", start, 2));
                }
                default -> out.add(word(start));
            }
        }
    }

    private boolean match(String s) {
        return src.startsWith(s, pos);
    }

    private CqlToken tok(CqlToken.Kind kind, String text, int start) {
        return new CqlToken(kind, text, start + 1);
    }

    private CqlToken tok(CqlToken.Kind kind, String text, int start, int len) {
        pos += len;
        return new CqlToken(kind, text, start + 1);
    }

    private CqlToken string(char quote, int start) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == quote) {
                if (pos + 1 < src.length() && src.charAt(pos + 1) == quote) {
                    sb.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return new CqlToken(CqlToken.Kind.STRING, sb.toString(), start + 1);
            }
            sb.append(c);
            pos++;
        }
        throw CqlSyntax.at(start + 1, "unterminated string");
    }

    private CqlToken word(int start) {
        while (pos < src.length() && !isDelimiter(src.charAt(pos))) pos++;
        String text = src.substring(start, pos);
        if (text.startsWith(":")) {
            String name = text.substring(1);
            if (!CqlParser.IDENT.matcher(name).matches()) {
                throw CqlSyntax.at(start + 1, "invalid parameter name '" + text + "'");
            }
            return new CqlToken(CqlToken.Kind.PARAM, name, start + 1);
        }
        if (NUMBER.matcher(text).matches()) return new CqlToken(CqlToken.Kind.NUMBER, text, start + 1);
        if (text.equalsIgnoreCase("AND")) return new CqlToken(CqlToken.Kind.AND, text, start + 1);
        if (text.equalsIgnoreCase("OR")) return new CqlToken(CqlToken.Kind.OR, text, start + 1);
        return new CqlToken(CqlToken.Kind.WORD, text, start + 1);
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || "(),'\"=!<>&|".indexOf(c) >= 0;
    }
}
