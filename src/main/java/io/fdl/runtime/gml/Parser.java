package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fdl.runtime.gml.Ast.*;

import java.util.ArrayList;
import java.util.List;

import static io.fdl.runtime.gml.TokenType.*;

/**
 * Recursive-descent parser of gml.md §4, one method per precedence level of §4.3. Tracks the
 * syntactic nesting depth (§12) so that neither parsing nor evaluation can recurse unboundedly.
 */
final class Parser {
    private final List<Token> tokens;
    private final int maxDepth;
    private int current;
    private int depth;

    private Parser(List<Token> tokens, int maxDepth, int depth) {
        this.tokens = tokens;
        this.maxDepth = maxDepth;
        this.depth = depth;
    }

    static Script parseScript(List<Token> tokens, int maxDepth) {
        return new Parser(tokens, maxDepth, 0).script();
    }

    // ---- script level -----------------------------------------------------------------------

    private Script script() {
        List<Item> items = new ArrayList<>();
        skipSeparators();
        while (!check(EOF)) {
            items.add(item());
            if (check(EOF)) break;
            if (!check(COMMA) && !check(NEWLINE)) throw unexpected("expected ',' or a line break between items");
            skipSeparators();
        }
        for (int i = 0; i < items.size() - 1; i++) {
            Item it = items.get(i);
            if (it instanceof Return) throw error(it.pos(), "'return' must be the last item of the script");
            if (it instanceof ExprItem) {
                throw error(it.pos(), "an expression item must be the last item of the script (assign it to a name or a $temporary)");
            }
        }
        return new Script(List.copyOf(items));
    }

    private void skipSeparators() {
        while (check(COMMA) || check(NEWLINE)) current++;
    }

    private Item item() {
        Token t = peek();
        Pos pos = pos(t);
        if (match(RETURN)) return new Return(pos, requireExpr("after 'return'"));
        if (match(ELLIPSIS)) return new SpreadItem(pos, requireExpr("after '...'"));
        if ((t.type() == IDENT || t.type() == TEMP || t.type() == STRING) && peekAt(1).type() == EQ) {
            current += 2;
            Expr value = requireExpr("after '='");
            return switch (t.type()) {
                case TEMP -> new TempAssign(pos, (String) t.value(), value);
                case STRING -> new Assign(pos, (String) t.value(), true, value);
                default -> new Assign(pos, t.text(), false, value);
            };
        }
        int start = current;
        Expr e = expression();
        if (check(EQ)) throw unexpected("only a name, a $temporary or a quoted key can be assigned");
        if (current == start + 1 && t.type() == IDENT) return new Compact(pos, t.text());
        return new ExprItem(pos, e);
    }

    /** An expression that must be present (reports "assignment without value" and the like). */
    private Expr requireExpr(String where) {
        if (check(EOF) || check(COMMA) || check(NEWLINE)) throw unexpected("expected an expression " + where);
        return expression();
    }

    // ---- expressions, loosest first -----------------------------------------------------------

    Expr expression() {
        enter();
        Expr cond = or();
        if (check(QUESTION)) {
            Pos pos = pos(advance());
            Expr then = expression();
            consume(COLON, "expected ':' of the conditional operator");
            Expr otherwise = expression();
            cond = new Ternary(pos, cond, then, otherwise);
        }
        exit(1);
        return cond;
    }

    private Expr or() {
        Expr left = coalesce();
        int n = 0;
        while (check(PIPE_PIPE) || check(OR)) {
            Pos pos = pos(advance());
            enter(); n++;
            left = new Binary(pos, PIPE_PIPE, false, left, coalesce());
        }
        exit(n);
        return left;
    }

    private Expr coalesce() {
        Expr left = and();
        int n = 0;
        while (check(QQ)) {
            Pos pos = pos(advance());
            enter(); n++;
            left = new Binary(pos, QQ, false, left, and());
        }
        exit(n);
        return left;
    }

    private Expr and() {
        Expr left = not();
        int n = 0;
        while (check(AMP_AMP) || check(AND)) {
            Pos pos = pos(advance());
            enter(); n++;
            left = new Binary(pos, AMP_AMP, false, left, not());
        }
        exit(n);
        return left;
    }

    private Expr not() {
        if (check(NOT)) {
            Pos pos = pos(advance());
            enter();
            Expr operand = not();
            exit(1);
            return new Unary(pos, NOT, operand);
        }
        return equality();
    }

    private Expr equality() {
        Expr left = relation();
        int n = 0;
        while (check(EQ_EQ) || check(BANG_EQ) || check(EQ_EQ_EQ) || check(BANG_EQ_EQ)) {
            Token op = advance();
            enter(); n++;
            TokenType type = op.type() == EQ_EQ_EQ ? EQ_EQ : op.type() == BANG_EQ_EQ ? BANG_EQ : op.type();
            left = new Binary(pos(op), type, false, left, relation());
        }
        exit(n);
        return left;
    }

    private Expr relation() {
        Expr left = additive();
        int n = 0;
        while (true) {
            Token op = peek();
            boolean negated = false;
            TokenType type = op.type();
            if (type == NOT && (peekAt(1).type() == IN || peekAt(1).type() == LIKE)) {
                negated = true;
                current++;
                type = peek().type();
            } else if (type != LT && type != LT_EQ && type != GT && type != GT_EQ && type != IN && type != LIKE) {
                break;
            }
            current++;
            enter(); n++;
            left = new Binary(pos(op), type, negated, left, additive());
        }
        exit(n);
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        int n = 0;
        while (check(PLUS) || check(MINUS)) {
            Token op = advance();
            enter(); n++;
            left = new Binary(pos(op), op.type(), false, left, multiplicative());
        }
        exit(n);
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        int n = 0;
        while (check(STAR) || check(SLASH) || check(PERCENT)) {
            Token op = advance();
            enter(); n++;
            left = new Binary(pos(op), op.type(), false, left, unary());
        }
        exit(n);
        return left;
    }

    private Expr unary() {
        if (check(BANG) || check(MINUS) || check(PLUS)) {
            Token op = advance();
            enter();
            Expr operand = unary();
            exit(1);
            return new Unary(pos(op), op.type(), operand);
        }
        return postfix();
    }

    private Expr postfix() {
        Expr e = primary();
        int n = 0;
        while (true) {
            Token t = peek();
            if (t.type() == DOT || (t.type() == QDOT && peekAt(1).type() != LBRACKET)) {
                current++;
                boolean optional = t.type() == QDOT;
                Token name = advance();
                String nm = switch (name.type()) {
                    case IDENT -> name.text();
                    case TEMP -> name.text();
                    default -> {
                        if (!isWord(name)) {
                            current--;
                            throw unexpected("expected a property or method name after '" + t.text() + "'");
                        }
                        yield name.text();
                    }
                };
                enter(); n++;
                if (match(LPAREN)) {
                    e = new MethodCall(pos(name), e, nm, methodArgs(), optional);
                } else {
                    e = new Member(pos(name), e, nm, optional);
                }
            } else if (t.type() == LBRACKET || t.type() == QDOT) {
                boolean optional = t.type() == QDOT;
                if (optional) current++;
                Token open = advance();
                enter(); n++;
                Expr index = expression();
                consume(RBRACKET, "expected ']' to close the index opened at " + pos(open));
                e = new Index(pos(open), e, index, optional);
            } else if (t.type() == LAST) {
                current++;
                enter(); n++;
                e = new LastElem(pos(t), e);
            } else {
                break;
            }
        }
        exit(n);
        return e;
    }

    /** Keywords are property names after '.' (the lexer already makes most of them IDENT). */
    private static boolean isWord(Token t) {
        String s = t.text();
        return !s.isEmpty() && Lexer.isIdentStart(s.codePointAt(0)) && t.type() != STRING;
    }

    private List<Expr> methodArgs() {
        List<Expr> args = new ArrayList<>();
        if (match(RPAREN)) return args;
        do {
            args.add(isLambdaAhead() ? lambda() : expression());
        } while (match(COMMA));
        consume(RPAREN, "expected ',' or ')' in the argument list");
        return args;
    }

    private boolean isLambdaAhead() {
        if (check(IDENT) && peekAt(1).type() == ARROW) return true;
        if (!check(LPAREN)) return false;
        int i = 1;
        if (peekAt(i).type() == RPAREN) return peekAt(i + 1).type() == ARROW;
        while (true) {
            if (peekAt(i).type() != IDENT) return false;
            i++;
            if (peekAt(i).type() == RPAREN) return peekAt(i + 1).type() == ARROW;
            if (peekAt(i).type() != COMMA) return false;
            i++;
        }
    }

    private Lambda lambda() {
        Pos pos = pos(peek());
        List<String> params = new ArrayList<>();
        if (match(LPAREN)) {
            if (!check(RPAREN)) {
                do {
                    params.add(consume(IDENT, "expected a parameter name").text());
                } while (match(COMMA));
            }
            consume(RPAREN, "expected ')' after the lambda parameters");
        } else {
            params.add(advance().text());
        }
        consume(ARROW, "expected '=>'");
        enter();
        Expr body = requireExpr("as the lambda body");
        exit(1);
        return new Lambda(pos, List.copyOf(params), body);
    }

    private Expr primary() {
        Token t = peek();
        Pos pos = pos(t);
        switch (t.type()) {
            case NUMBER -> {
                current++;
                return new Literal(pos, t.value() instanceof Long l ? LongNode.valueOf(l) : DoubleNode.valueOf((Double) t.value()));
            }
            case STRING -> {
                current++;
                return new Literal(pos, TextNode.valueOf((String) t.value()));
            }
            case TRUE, FALSE -> {
                current++;
                return new Literal(pos, BooleanNode.valueOf(t.type() == TRUE));
            }
            case NULL -> {
                current++;
                return new Literal(pos, NullNode.instance);
            }
            case THIS -> {
                current++;
                return new This(pos);
            }
            case ROOT -> {
                current++;
                return new Root(pos);
            }
            case TEMP -> {
                current++;
                return new Temp(pos, (String) t.value());
            }
            case TEMPLATE -> {
                current++;
                return template(pos, (Token.TemplateParts) t.value());
            }
            case IDENT -> {
                if (peekAt(1).type() == ARROW) throw error(pos, "a lambda may only be a method argument");
                current++;
                if (check(LPAREN)) {
                    current++;
                    return new Call(pos, t.text(), functionArgs());
                }
                return new Ident(pos, t.text());
            }
            case LPAREN -> {
                if (isLambdaAhead()) throw error(pos, "a lambda may only be a method argument");
                current++;
                Expr e = expression();
                consume(RPAREN, "expected ')' to close the '(' opened at " + pos);
                return e;
            }
            case LBRACKET -> {
                current++;
                return array(pos);
            }
            case LBRACE -> {
                current++;
                return object(pos);
            }
            case CASE -> {
                current++;
                return caseExpr(pos);
            }
            case LAST -> throw error(pos, "'[#]' is only valid after a value");
            case NOT -> throw unexpected("expected an expression ('NOT' binds looser than comparisons: use '!' or parentheses)");
            default -> throw unexpected("expected an expression");
        }
    }

    private List<Expr> functionArgs() {
        List<Expr> args = new ArrayList<>();
        enter();
        if (!match(RPAREN)) {
            do {
                if (isLambdaAhead()) throw error(pos(peek()), "a lambda may only be a method argument, not a function argument");
                args.add(expression());
            } while (match(COMMA));
            consume(RPAREN, "expected ',' or ')' in the argument list");
        }
        exit(1);
        return args;
    }

    private Expr template(Pos pos, Token.TemplateParts parts) {
        List<Expr> exprs = new ArrayList<>();
        enter();
        for (List<Token> toks : parts.expressions()) {
            Parser sub = new Parser(toks, maxDepth, depth);
            Expr e = sub.expression();
            if (!sub.check(EOF)) throw sub.unexpected("expected '}' to close '${'");
            exprs.add(e);
        }
        exit(1);
        return new Template(pos, parts.literals(), exprs);
    }

    private Expr array(Pos pos) {
        enter();
        List<Expr> elements = new ArrayList<>();
        while (!check(RBRACKET)) {
            if (check(ELLIPSIS)) {
                Pos sp = pos(advance());
                elements.add(new Spread(sp, expression()));
            } else {
                elements.add(expression());
            }
            if (!match(COMMA)) break;
        }
        consume(RBRACKET, "expected ',' or ']' to close the array opened at " + pos);
        exit(1);
        return new ArrayLit(pos, elements);
    }

    private Expr object(Pos pos) {
        enter();
        List<Field> fields = new ArrayList<>();
        while (true) {
            while (check(COMMA) || check(NEWLINE)) current++;
            if (check(RBRACE)) break;
            fields.add(field());
            if (!check(COMMA) && !check(NEWLINE) && !check(RBRACE)) {
                throw unexpected(check(EOF) ? "unclosed '{' opened at " + pos : "expected ',', a line break or '}' in the object");
            }
        }
        current++;
        exit(1);
        return new ObjectLit(pos, fields);
    }

    private Field field() {
        Token t = peek();
        Pos pos = pos(t);
        if (match(ELLIPSIS)) return new SpreadField(pos, expression());
        if (t.type() == IDENT || t.type() == STRING) {
            current++;
            String key = t.type() == STRING ? (String) t.value() : t.text();
            if (match(EQ) || match(COLON)) return new Prop(pos, key, requireExprIn());
            if (t.type() == IDENT) return new Prop(pos, key, new Ident(pos, key));
            throw unexpected("expected '=' or ':' after the quoted key");
        }
        throw unexpected("expected a field name, a quoted key or '...'");
    }

    private Expr requireExprIn() {
        if (check(COMMA) || check(NEWLINE) || check(RBRACE) || check(EOF)) throw unexpected("expected the field's value");
        return expression();
    }

    private Expr caseExpr(Pos pos) {
        enter();
        Expr subject = check(WHEN) ? null : expression();
        List<When> whens = new ArrayList<>();
        while (match(WHEN)) {
            Expr cond = expression();
            consume(THEN, "expected THEN");
            whens.add(new When(cond, expression()));
        }
        if (whens.isEmpty()) throw unexpected("expected WHEN (a CASE needs at least one WHEN)");
        Expr otherwise = match(ELSE) ? expression() : null;
        consume(END, "expected END to close the CASE opened at " + pos);
        exit(1);
        return new Case(pos, subject, whens, otherwise);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void enter() {
        if (++depth > maxDepth) {
            throw new GmlException(GmlException.Kind.SYNTAX, "nesting depth exceeds the limit of " + maxDepth
                    + " (maxSyntaxDepth) at " + pos(peek()), peek().line(), peek().column(), true);
        }
    }

    private void exit(int n) {
        depth -= n;
    }

    private Token peek() {
        return tokens.get(current);
    }

    private Token peekAt(int ahead) {
        int i = Math.min(current + ahead, tokens.size() - 1);
        return tokens.get(i);
    }

    private boolean check(TokenType t) {
        return tokens.get(current).type() == t;
    }

    private boolean match(TokenType t) {
        if (check(t)) {
            current++;
            return true;
        }
        return false;
    }

    private Token advance() {
        Token t = tokens.get(current);
        if (t.type() != EOF) current++;
        return t;
    }

    private Token consume(TokenType t, String expectation) {
        if (check(t)) return advance();
        throw unexpected(expectation);
    }

    private GmlException unexpected(String expectation) {
        Token t = peek();
        return new GmlException(GmlException.Kind.SYNTAX,
                "unexpected " + t.describe() + " at " + t.line() + ":" + t.column() + ", " + expectation, t.line(), t.column());
    }

    static GmlException error(Pos pos, String msg) {
        return new GmlException(GmlException.Kind.SYNTAX, msg + " at " + pos, pos.line(), pos.col());
    }

    private static Pos pos(Token t) {
        return new Pos(t.line(), t.column());
    }
}
