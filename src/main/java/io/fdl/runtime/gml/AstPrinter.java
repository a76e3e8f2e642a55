package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.gml.Ast.*;

import java.util.List;
import java.util.Set;

/**
 * Prints an AST back to GML source, fully parenthesised, so that parsing the output yields the
 * same tree (used by the round-trip property tests and for diagnostics).
 */
final class AstPrinter {
    private AstPrinter() {}

    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "this", "return",
            "CASE", "WHEN", "THEN", "ELSE", "END", "IN", "LIKE", "NOT", "AND", "OR");

    static String print(Script s) {
        StringBuilder sb = new StringBuilder();
        List<Item> items = s.items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(",\n");
            item(sb, items.get(i));
        }
        return sb.toString();
    }

    private static void item(StringBuilder sb, Item it) {
        if (it instanceof Assign a) {
            key(sb, a.name(), a.quoted());
            sb.append(" = ");
            expr(sb, a.value());
        } else if (it instanceof TempAssign t) {
            sb.append('$').append(t.name()).append(" = ");
            expr(sb, t.value());
        } else if (it instanceof SpreadItem s) {
            sb.append("...");
            expr(sb, s.value());
        } else if (it instanceof Compact c) {
            sb.append(c.name());
        } else if (it instanceof ExprItem e) {
            if (e.value() instanceof Ident) sb.append('(');
            expr(sb, e.value());
            if (e.value() instanceof Ident) sb.append(')');
        } else if (it instanceof Return r) {
            sb.append("return ");
            expr(sb, r.value());
        }
    }

    private static void key(StringBuilder sb, String k, boolean forceQuote) {
        if (!forceQuote && isPlainName(k)) sb.append(k);
        else quote(sb, k, '\'');
    }

    static boolean isPlainName(String k) {
        if (k.isEmpty() || KEYWORDS.contains(k) || !Lexer.isIdentStart(k.codePointAt(0))) return false;
        return k.codePoints().allMatch(Lexer::isIdentPart);
    }

    static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        expr(sb, e);
        return sb.toString();
    }

    private static void expr(StringBuilder sb, Expr e) {
        if (e instanceof Literal l) literal(sb, l.value());
        else if (e instanceof Template t) template(sb, t);
        else if (e instanceof Ident i) sb.append(i.name());
        else if (e instanceof Temp t) sb.append('$').append(t.name());
        else if (e instanceof Root) sb.append('$');
        else if (e instanceof This) sb.append("this");
        else if (e instanceof Unary u) {
            sb.append('(').append(switch (u.op()) {
                case BANG -> "!";
                case MINUS -> "-";
                case PLUS -> "+";
                default -> "NOT ";
            });
            expr(sb, u.operand());
            sb.append(')');
        } else if (e instanceof Binary b) {
            sb.append('(');
            expr(sb, b.left());
            sb.append(' ').append(b.negated() ? "NOT " : "").append(op(b.op())).append(' ');
            expr(sb, b.right());
            sb.append(')');
        } else if (e instanceof Ternary t) {
            sb.append('(');
            expr(sb, t.cond());
            sb.append(" ? ");
            expr(sb, t.then());
            sb.append(" : ");
            expr(sb, t.otherwise());
            sb.append(')');
        } else if (e instanceof Member m) {
            target(sb, m.target());
            sb.append(m.optional() ? "?." : ".").append(m.name());
        } else if (e instanceof Index x) {
            target(sb, x.target());
            sb.append(x.optional() ? "?.[" : "[");
            expr(sb, x.index());
            sb.append(']');
        } else if (e instanceof LastElem l) {
            target(sb, l.target());
            sb.append("[#]");
        } else if (e instanceof MethodCall m) {
            target(sb, m.receiver());
            sb.append(m.optional() ? "?." : ".").append(m.name());
            args(sb, m.args());
        } else if (e instanceof Call c) {
            sb.append(c.name());
            args(sb, c.args());
        } else if (e instanceof ArrayLit a) {
            sb.append('[');
            for (int i = 0; i < a.elements().size(); i++) {
                if (i > 0) sb.append(", ");
                expr(sb, a.elements().get(i));
            }
            sb.append(']');
        } else if (e instanceof Spread s) {
            sb.append("...");
            expr(sb, s.value());
        } else if (e instanceof ObjectLit o) {
            sb.append('{');
            for (int i = 0; i < o.fields().size(); i++) {
                sb.append(i > 0 ? ", " : " ");
                Field f = o.fields().get(i);
                if (f instanceof Prop p) {
                    key(sb, p.key(), false);
                    sb.append(" = ");
                    expr(sb, p.value());
                } else {
                    sb.append("...");
                    expr(sb, ((SpreadField) f).value());
                }
            }
            sb.append(" }");
        } else if (e instanceof Case c) {
            sb.append("CASE");
            if (c.subject() != null) {
                sb.append(' ');
                expr(sb, c.subject());
            }
            for (When w : c.whens()) {
                sb.append(" WHEN ");
                expr(sb, w.cond());
                sb.append(" THEN ");
                expr(sb, w.result());
            }
            if (c.otherwise() != null) {
                sb.append(" ELSE ");
                expr(sb, c.otherwise());
            }
            sb.append(" END");
        } else if (e instanceof Lambda l) {
            sb.append('(').append(String.join(", ", l.params())).append(") => ");
            expr(sb, l.body());
        }
    }

    private static void target(StringBuilder sb, Expr t) {
        sb.append('(');
        expr(sb, t);
        sb.append(')');
    }

    private static void args(StringBuilder sb, List<Expr> args) {
        sb.append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) sb.append(", ");
            expr(sb, args.get(i));
        }
        sb.append(')');
    }

    private static String op(TokenType t) {
        return switch (t) {
            case PLUS -> "+";
            case MINUS -> "-";
            case STAR -> "*";
            case SLASH -> "/";
            case PERCENT -> "%";
            case EQ_EQ -> "==";
            case BANG_EQ -> "!=";
            case LT -> "<";
            case LT_EQ -> "<=";
            case GT -> ">";
            case GT_EQ -> ">=";
            case AMP_AMP -> "&&";
            case PIPE_PIPE -> "||";
            case QQ -> "??";
            case IN -> "IN";
            case LIKE -> "LIKE";
            default -> t.name();
        };
    }

    private static void literal(StringBuilder sb, JsonNode v) {
        if (v.isTextual()) quote(sb, v.textValue(), '\'');
        else if (v.isNull()) sb.append("null");
        else if (v.isBoolean()) sb.append(v.booleanValue());
        else if (Values.isInt(v)) sb.append(v.longValue());
        else sb.append(Double.toString(v.doubleValue()));
    }

    private static void template(StringBuilder sb, Template t) {
        sb.append('`');
        for (int i = 0; i < t.literals().size(); i++) {
            String lit = t.literals().get(i);
            for (int k = 0; k < lit.length(); k++) {
                char c = lit.charAt(k);
                if (c == '`' || c == '\\' || c == '$') sb.append('\\');
                if (c == '\r') sb.append("\\r");
                else sb.append(c);
            }
            if (i < t.parts().size()) {
                sb.append("${ ");
                expr(sb, t.parts().get(i));
                sb.append(" }");
            }
        }
        sb.append('`');
    }

    static void quote(StringBuilder sb, String s, char q) {
        sb.append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c == q) sb.append('\\').append(c);
                    else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append(q);
    }
}
