package io.fdl.runtime.tools.cql;

import io.fdl.runtime.engine.port.ToolException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for CQL, one method per grammar rule of tools.md §4.4:
 * <pre>
 * cql = [orExpr]; orExpr = andExpr {OR andExpr}; andExpr = term {AND term};
 * term = "(" orExpr ")" | predicate
 * </pre>
 * The result contains no SQL: identifiers are checked and converted by the translator against the
 * table's real columns. Errors are {@code CQL_SYNTAX} with a 1-based column.
 */
public final class CqlParser {
    static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Words that cannot name a field (TIME/DATE/NOW can: they are functions only before "("). */
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "IN", "LIKE", "IS", "NULL", "TRUE", "FALSE");
    private static final Set<String> TIME_FUNCTIONS = Set.of("TIME", "DATE", "NOW");
    /** Guards the recursion of nested parentheses against hostile input. */
    private static final int MAX_DEPTH = 64;

    private final List<CqlToken> tokens;
    private int pos;
    private int depth;

    private CqlParser(List<CqlToken> tokens) {
        this.tokens = tokens;
    }

    /** Parses a CQL text; returns null when it is null or blank (no condition). */
    public static CqlExpr parse(String cql) throws ToolException {
        if (cql == null || cql.isBlank()) return null;
        CqlParser p = new CqlParser(CqlLexer.tokenize(cql));
        CqlExpr expr = p.orExpr();
        CqlToken t = p.peek();
        if (t.kind() != CqlToken.Kind.EOF) {
            throw CqlSyntax.at(t.column(), t.kind() == CqlToken.Kind.RPAREN
                    ? "unbalanced ')'" : "unexpected " + t.describe() + " (expected AND, OR or end)");
        }
        return expr;
    }

    private CqlExpr orExpr() {
        List<CqlExpr> parts = new ArrayList<>();
        parts.add(andExpr());
        while (peek().kind() == CqlToken.Kind.OR) {
            next();
            parts.add(andExpr());
        }
        return parts.size() == 1 ? parts.get(0) : new CqlExpr.Or(List.copyOf(parts));
    }

    private CqlExpr andExpr() {
        List<CqlExpr> parts = new ArrayList<>();
        parts.add(term());
        while (peek().kind() == CqlToken.Kind.AND) {
            next();
            parts.add(term());
        }
        return parts.size() == 1 ? parts.get(0) : new CqlExpr.And(List.copyOf(parts));
    }

    private CqlExpr term() {
        CqlToken t = peek();
        if (t.kind() == CqlToken.Kind.LPAREN) {
            next();
            if (++depth > MAX_DEPTH) throw CqlSyntax.at(t.column(), "parentheses nested deeper than " + MAX_DEPTH);
            CqlExpr inner = orExpr();
            depth--;
            CqlToken close = peek();
            if (close.kind() != CqlToken.Kind.RPAREN) {
                throw CqlSyntax.at(close.column(), "expected ')' to close '(' at column " + t.column()
                        + ", found " + close.describe());
            }
            next();
            return inner;
        }
        return predicate();
    }

    private CqlExpr predicate() {
        CqlExpr.Field field = field();
        CqlToken t = next();
        if (t.kind() == CqlToken.Kind.CMP) {
            String op = switch (t.text()) {
                case "==" -> "=";
                case "!=" -> "<>";
                default -> t.text();
            };
            if (peek().isKeyword("NULL")) {
                CqlToken nul = next();
                return switch (op) {
                    case "=" -> new CqlExpr.IsNull(field, false);
                    case "<>" -> new CqlExpr.IsNull(field, true);
                    default -> throw CqlSyntax.at(nul.column(), "NULL cannot be compared with '" + t.text() + "'");
                };
            }
            return new CqlExpr.Compare(field, op, value());
        }
        boolean negated = false;
        if (t.isKeyword("NOT")) {
            negated = true;
            t = next();
        }
        if (t.isKeyword("IN")) return in(field, negated);
        if (t.isKeyword("LIKE")) {
            if (peek().isKeyword("NULL")) throw CqlSyntax.at(peek().column(), "LIKE NULL is not allowed");
            return new CqlExpr.Like(field, negated, value());
        }
        if (!negated && t.isKeyword("IS")) {
            boolean not = false;
            if (peek().isKeyword("NOT")) {
                next();
                not = true;
            }
            CqlToken nul = next();
            if (!nul.isKeyword("NULL")) throw CqlSyntax.at(nul.column(), "expected NULL after IS, found " + nul.describe());
            return new CqlExpr.IsNull(field, not);
        }
        throw CqlSyntax.at(t.column(), "expected an operator after '" + field.name() + "', found " + t.describe()
                + (negated ? " (expected IN or LIKE after NOT)" : ""));
    }

    private CqlExpr in(CqlExpr.Field field, boolean negated) {
        CqlToken t = next();
        if (t.kind() == CqlToken.Kind.PARAM) return new CqlExpr.InParam(field, negated, new CqlValue.Param(t.text(), t.column()));
        if (t.kind() != CqlToken.Kind.LPAREN) throw CqlSyntax.at(t.column(), "expected '(' or a :parameter after IN, found " + t.describe());
        List<CqlValue> values = new ArrayList<>();
        do {
            if (peek().isKeyword("NULL")) throw CqlSyntax.at(peek().column(), "NULL is not allowed inside IN");
            values.add(value());
        } while (acceptComma());
        CqlToken close = next();
        if (close.kind() != CqlToken.Kind.RPAREN) throw CqlSyntax.at(close.column(), "expected ',' or ')' in IN list, found " + close.describe());
        return new CqlExpr.InList(field, negated, List.copyOf(values));
    }

    private boolean acceptComma() {
        if (peek().kind() != CqlToken.Kind.COMMA) return false;
        next();
        return true;
    }

    private CqlExpr.Field field() {
        CqlToken t = next();
        if (t.kind() != CqlToken.Kind.WORD || !IDENT.matcher(t.text()).matches()
                || RESERVED.contains(t.text().toUpperCase())) {
            throw CqlSyntax.at(t.column(), "expected a field name, found " + t.describe());
        }
        return new CqlExpr.Field(t.text(), t.column());
    }

    private CqlValue value() {
        CqlToken t = next();
        return switch (t.kind()) {
            case STRING -> new CqlValue.Text(t.text(), t.column());
            case NUMBER -> new CqlValue.Number(t.text(), t.column());
            case PARAM -> new CqlValue.Param(t.text(), t.column());
            case WORD -> wordValue(t);
            default -> throw CqlSyntax.at(t.column(), "expected a value, found " + t.describe());
        };
    }

    private CqlValue wordValue(CqlToken t) {
        String upper = t.text().toUpperCase();
        if (upper.equals("TRUE")) return new CqlValue.Bool(true, t.column());
        if (upper.equals("FALSE")) return new CqlValue.Bool(false, t.column());
        if (TIME_FUNCTIONS.contains(upper) && peek().kind() == CqlToken.Kind.LPAREN) {
            next();
            CqlToken arg = next();
            if (arg.kind() == CqlToken.Kind.RPAREN) return new CqlValue.TimeFn(upper, null, false, t.column());
            if (arg.kind() != CqlToken.Kind.STRING && arg.kind() != CqlToken.Kind.WORD && arg.kind() != CqlToken.Kind.NUMBER) {
                throw CqlSyntax.at(arg.column(), "invalid argument of " + upper + ": " + arg.describe());
            }
            CqlToken close = next();
            if (close.kind() != CqlToken.Kind.RPAREN) throw CqlSyntax.at(close.column(), "expected ')' after the argument of " + upper);
            return new CqlValue.TimeFn(upper, arg.text(), arg.kind() == CqlToken.Kind.NUMBER, t.column());
        }
        if (RESERVED.contains(upper)) throw CqlSyntax.at(t.column(), "expected a value, found keyword " + t.text());
        return new CqlValue.Text(t.text(), t.column());
    }

    private CqlToken peek() {
        return tokens.get(pos);
    }

    private CqlToken next() {
        CqlToken t = tokens.get(pos);
        if (t.kind() != CqlToken.Kind.EOF) pos++;
        return t;
    }
}
