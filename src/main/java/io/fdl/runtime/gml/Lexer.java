package io.fdl.runtime.gml;

import java.util.ArrayList;
import java.util.List;

import static io.fdl.runtime.gml.TokenType.*;

/**
 * Scanner of gml.md §3: turns normalised source text into tokens, applying the line-break rules of
 * §4.2 so that the parser only sees the NEWLINE tokens that act as separators.
 */
final class Lexer {
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** Open brackets: '(', '[', '{', 'C' for CASE; drives rule 1 of §4.2. */
    private final StringBuilder brackets = new StringBuilder();

    private Lexer(String src) {
        this.src = src;
    }

    /** Normalises line breaks (§3.1) and tokenises; the result ends with EOF. */
    static List<Token> tokenize(String source) {
        return new Lexer(normalize(source)).run();
    }

    static String normalize(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private List<Token> run() {
        List<Token> raw = new ArrayList<>();
        scan(raw, false);
        return filterNewlines(raw);
    }

    /** Keeps a NEWLINE only where §4.2 makes it a separator; collapses runs. */
    private static List<Token> filterNewlines(List<Token> raw) {
        List<Token> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Token t = raw.get(i);
            if (t.type() != NEWLINE) {
                out.add(t);
                continue;
            }
            Token prev = out.isEmpty() ? null : out.get(out.size() - 1);
            int j = i + 1;
            while (raw.get(j).type() == NEWLINE) j++;
            Token next = raw.get(j);
            i = j - 1;
            if (prev != null && prev.type() != NEWLINE && prev.type().canEnd() && !next.type().continues()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Scans tokens into {@code out}. In embedded mode (inside {@code ${ }}) it stops at the brace
     * that closes the embedding and ignores every line break.
     */
    private void scan(List<Token> out, boolean embedded) {
        int braceDepth = 0;
        while (true) {
            skipBlanks();
            if (pos >= src.length()) {
                if (embedded) throw error("unclosed '${' in template", line, col());
                out.add(new Token(EOF, "", null, line, col()));
                return;
            }
            char c = src.charAt(pos);
            int startLine = line, startCol = col();
            if (c == '\n') {
                pos++;
                if (!embedded) {
                    char top = brackets.length() == 0 ? 0 : brackets.charAt(brackets.length() - 1);
                    if (top == 0 || top == '{') out.add(new Token(NEWLINE, "\\n", null, startLine, startCol));
                }
                line++;
                lineStart = pos;
                continue;
            }
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
                continue;
            }
            if (embedded) {
                if (c == '{') braceDepth++;
                else if (c == '}') {
                    if (braceDepth == 0) {
                        out.add(new Token(EOF, "}", null, startLine, startCol));
                        pos++;
                        return;
                    }
                    braceDepth--;
                }
            }
            out.add(next(out, c, startLine, startCol));
        }
    }

    private void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t') pos++;
            else break;
        }
    }

    private int col() {
        return pos - lineStart + 1;
    }

    private Token next(List<Token> out, char c, int l, int cl) {
        if (c >= '0' && c <= '9') return number(l, cl);
        if (c == '\'' || c == '"') return string(c, l, cl);
        if (c == '`') return template(l, cl);
        if (c == '$') {
            pos++;
            if (pos < src.length() && isIdentStart(src.codePointAt(pos))) {
                String name = identifier();
                return new Token(TEMP, "$" + name, name, l, cl);
            }
            return new Token(ROOT, "$", null, l, cl);
        }
        int cp = src.codePointAt(pos);
        if (isIdentStart(cp)) {
            String word = identifier();
            boolean afterDot = !out.isEmpty() && (out.get(out.size() - 1).type() == DOT || out.get(out.size() - 1).type() == QDOT);
            TokenType kw = afterDot ? IDENT : keyword(word);
            if (kw == CASE) brackets.append('C');
            else if (kw == END && brackets.length() > 0 && brackets.charAt(brackets.length() - 1) == 'C') {
                brackets.setLength(brackets.length() - 1);
            }
            return new Token(kw, word, word, l, cl);
        }
        return punctuation(c, l, cl);
    }

    private static TokenType keyword(String w) {
        return switch (w) {
            case "true" -> TRUE;
            case "false" -> FALSE;
            case "null" -> NULL;
            case "this" -> THIS;
            case "return" -> RETURN;
            case "CASE" -> CASE;
            case "WHEN" -> WHEN;
            case "THEN" -> THEN;
            case "ELSE" -> ELSE;
            case "END" -> END;
            case "IN" -> IN;
            case "LIKE" -> LIKE;
            case "NOT" -> NOT;
            case "AND" -> AND;
            case "OR" -> OR;
            default -> IDENT;
        };
    }

    static boolean isIdentStart(int cp) {
        return cp == '_' || Character.isLetter(cp);
    }

    static boolean isIdentPart(int cp) {
        return cp == '_' || Character.isLetter(cp) || Character.isDigit(cp);
    }

    private String identifier() {
        int start = pos;
        while (pos < src.length()) {
            int cp = src.codePointAt(pos);
            if (!isIdentPart(cp)) break;
            pos += Character.charCount(cp);
        }
        return src.substring(start, pos);
    }

    private Token punctuation(char c, int l, int cl) {
        char n1 = peek(1), n2 = peek(2);
        TokenType t;
        int len = 1;
        switch (c) {
            case '+' -> t = PLUS;
            case '-' -> t = MINUS;
            case '*' -> t = STAR;
            case '/' -> t = SLASH;
            case '%' -> t = PERCENT;
            case ',' -> t = COMMA;
            case ':' -> t = COLON;
            case '(' -> { t = LPAREN; brackets.append('('); }
            case ')' -> { t = RPAREN; pop('('); }
            case ']' -> { t = RBRACKET; pop('['); }
            case '{' -> { t = LBRACE; brackets.append('{'); }
            case '}' -> { t = RBRACE; pop('{'); }
            case '[' -> {
                int p = pos + 1;
                while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) p++;
                if (p < src.length() && src.charAt(p) == '#') {
                    int q = p + 1;
                    while (q < src.length() && (src.charAt(q) == ' ' || src.charAt(q) == '\t')) q++;
                    if (q < src.length() && src.charAt(q) == ']') {
                        pos = q + 1;
                        return new Token(LAST, "[#]", null, l, cl);
                    }
                }
                t = LBRACKET;
                brackets.append('[');
            }
            case '=' -> {
                if (n1 == '=' && n2 == '=') { t = EQ_EQ_EQ; len = 3; }
                else if (n1 == '=') { t = EQ_EQ; len = 2; }
                else if (n1 == '>') { t = ARROW; len = 2; }
                else t = EQ;
            }
            case '!' -> {
                if (n1 == '=' && n2 == '=') { t = BANG_EQ_EQ; len = 3; }
                else if (n1 == '=') { t = BANG_EQ; len = 2; }
                else t = BANG;
            }
            case '<' -> { if (n1 == '=') { t = LT_EQ; len = 2; } else t = LT; }
            case '>' -> { if (n1 == '=') { t = GT_EQ; len = 2; } else t = GT; }
            case '&' -> {
                if (n1 != '&') throw error("unexpected character '&' (did you mean '&&'?)", l, cl);
                t = AMP_AMP; len = 2;
            }
            case '|' -> {
                if (n1 != '|') throw error("unexpected character '|' (did you mean '||'?)", l, cl);
                t = PIPE_PIPE; len = 2;
            }
            case '?' -> {
                if (n1 == '?') { t = QQ; len = 2; }
                else if (n1 == '.' && !(n2 >= '0' && n2 <= '9')) { t = QDOT; len = 2; }
                else t = QUESTION;
            }
            case '.' -> {
                if (n1 == '.' && n2 == '.') { t = ELLIPSIS; len = 3; }
                else if (n1 >= '0' && n1 <= '9') throw error("a number cannot start with '.' (write 0." + "…)", l, cl);
                else t = DOT;
            }
            default -> {
                int cp = src.codePointAt(pos);
                throw error("unexpected character '" + new String(Character.toChars(cp)) + "'", l, cl);
            }
        }
        String text = src.substring(pos, pos + len);
        pos += len;
        return new Token(t, text, null, l, cl);
    }

    private void pop(char open) {
        int n = brackets.length();
        if (n > 0 && brackets.charAt(n - 1) == open) brackets.setLength(n - 1);
    }

    private char peek(int ahead) {
        int p = pos + ahead;
        return p < src.length() ? src.charAt(p) : 0;
    }

    private Token number(int l, int cl) {
        int start = pos;
        while (pos < src.length() && isDigit(src.charAt(pos))) pos++;
        boolean decimal = false;
        if (pos + 1 < src.length() && src.charAt(pos) == '.' && isDigit(src.charAt(pos + 1))) {
            decimal = true;
            pos++;
            while (pos < src.length() && isDigit(src.charAt(pos))) pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < src.length() && (src.charAt(p) == '+' || src.charAt(p) == '-')) p++;
            if (p < src.length() && isDigit(src.charAt(p))) {
                decimal = true;
                pos = p;
                while (pos < src.length() && isDigit(src.charAt(pos))) pos++;
            }
        }
        String text = src.substring(start, pos);
        if (!decimal) {
            try {
                return new Token(NUMBER, text, Long.parseLong(text), l, cl);
            } catch (NumberFormatException e) {
                throw error("integer literal " + text + " does not fit in 64 bits", l, cl);
            }
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) throw error("decimal literal " + text + " is out of range", l, cl);
        return new Token(NUMBER, text, d, l, cl);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Token string(char quote, int l, int cl) {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') throw error("unterminated string", l, cl);
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                break;
            }
            if (c == '\\') escape(sb);
            else {
                sb.append(c);
                pos++;
            }
        }
        return new Token(STRING, src.substring(start, pos), sb.toString(), l, cl);
    }

    /** Decodes one escape at pos (pointing at the backslash) per §3.6. */
    private void escape(StringBuilder sb) {
        char e = peek(1);
        switch (e) {
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case '/', '\\', '\'', '"', '`', '$' -> sb.append(e);
            case 'u' -> {
                if (pos + 6 <= src.length() && isHex(src, pos + 2, 4)) {
                    sb.append((char) Integer.parseInt(src.substring(pos + 2, pos + 6), 16));
                    pos += 6;
                    return;
                }
                sb.append("\\u");
            }
            case 0 -> {
                // a backslash at the very end: the unterminated-string check reports it
                sb.append('\\');
                pos++;
                return;
            }
            case '\n' -> {
                sb.append('\\');
                pos++;
                return;
            }
            default -> sb.append('\\').append(e);
        }
        pos += 2;
    }

    private static boolean isHex(String s, int from, int n) {
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
        }
        return true;
    }

    private Token template(int l, int cl) {
        int start = pos++;
        List<String> literals = new ArrayList<>();
        List<List<Token>> exprs = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) throw error("unterminated template (missing closing backtick)", l, cl);
            char c = src.charAt(pos);
            if (c == '`') {
                pos++;
                break;
            }
            if (c == '\\') {
                if (peek(1) == '\n') {
                    sb.append('\\');
                    pos++;
                } else escape(sb);
            } else if (c == '$' && peek(1) == '{') {
                int el = line, ec = col();
                pos += 2;
                literals.add(sb.toString());
                sb.setLength(0);
                List<Token> inner = new ArrayList<>();
                scan(inner, true);
                if (inner.size() == 1) throw error("empty '${}' in template", el, ec);
                exprs.add(inner);
            } else {
                if (c == '\n') {
                    line++;
                    lineStart = pos + 1;
                }
                sb.append(c);
                pos++;
            }
        }
        literals.add(sb.toString());
        return new Token(TEMPLATE, src.substring(start, pos), new Token.TemplateParts(literals, exprs), l, cl);
    }

    private static GmlException error(String msg, int l, int c) {
        return new GmlException(GmlException.Kind.SYNTAX, msg + " at " + l + ":" + c, l, c);
    }
}
