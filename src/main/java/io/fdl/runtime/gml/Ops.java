package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.fdl.runtime.gml.Values.Kind;

/** Operators of gml.md §6.2–6.5. Errors carry no position; the calling node adds it. */
final class Ops {
    private Ops() {}

    static JsonNode add(Env env, JsonNode a, JsonNode b) {
        Kind ka = Values.kind(a), kb = Values.kind(b);
        if (ka == Kind.INTEGER && kb == Kind.INTEGER) return addInt(a.longValue(), b.longValue());
        if (ka == Kind.STRING || kb == Kind.STRING) {
            if (concatenable(ka) && concatenable(kb)) {
                String sa = Values.text(a), sb = Values.text(b);
                return Values.of(env.checkString(sa.concat(sb)));
            }
            throw Errors.eval("cannot apply '+' to " + Values.typeName(a) + " and " + Values.typeName(b));
        }
        checkNumbers("+", a, ka, b, kb);
        return decimal(a.doubleValue() + b.doubleValue(), "+");
    }

    private static boolean concatenable(Kind k) {
        return k == Kind.STRING || k == Kind.INTEGER || k == Kind.DECIMAL || k == Kind.BOOLEAN || k == Kind.NULL;
    }

    private static JsonNode addInt(long x, long y) {
        long r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) throw overflow("+");
        return Values.of(r);
    }

    static JsonNode arith(char op, JsonNode a, JsonNode b) {
        Kind ka = Values.kind(a), kb = Values.kind(b);
        String sym = String.valueOf(op);
        if (ka == Kind.INTEGER && kb == Kind.INTEGER) {
            long x = a.longValue(), y = b.longValue();
            try {
                switch (op) {
                    case '-': return Values.of(Math.subtractExact(x, y));
                    case '*': return Values.of(Math.multiplyExact(x, y));
                    case '/':
                        if (y == 0) throw Errors.eval("division by zero");
                        if (x == Long.MIN_VALUE && y == -1) throw overflow("/");
                        return Values.of(x / y);
                    default:
                        if (y == 0) throw Errors.eval("remainder by zero");
                        return Values.of(y == -1 ? 0 : x % y);
                }
            } catch (ArithmeticException e) {
                throw overflow(sym);
            }
        }
        checkNumbers(sym, a, ka, b, kb);
        double x = a.doubleValue(), y = b.doubleValue();
        switch (op) {
            case '-': return decimal(x - y, sym);
            case '*': return decimal(x * y, sym);
            case '/':
                if (y == 0) throw Errors.eval("division by zero");
                return decimal(x / y, sym);
            default:
                if (y == 0) throw Errors.eval("remainder by zero");
                return decimal(x % y, sym);
        }
    }

    private static void checkNumbers(String op, JsonNode a, Kind ka, JsonNode b, Kind kb) {
        boolean na = ka == Kind.INTEGER || ka == Kind.DECIMAL, nb = kb == Kind.INTEGER || kb == Kind.DECIMAL;
        if (!na || !nb) {
            throw Errors.eval("cannot apply '" + op + "' to " + Values.typeName(a) + " and " + Values.typeName(b));
        }
    }

    static JsonNode decimal(double d, String op) {
        if (Double.isNaN(d) || Double.isInfinite(d)) throw Errors.eval("'" + op + "' gives a non-finite number");
        return Values.of(d);
    }

    private static GmlException overflow(String op) {
        return Errors.eval("integer overflow in '" + op + "'");
    }

    static JsonNode negate(JsonNode a) {
        Kind k = Values.kind(a);
        if (k == Kind.INTEGER) {
            long v = a.longValue();
            if (v == Long.MIN_VALUE) throw overflow("-");
            return Values.of(-v);
        }
        if (k == Kind.DECIMAL) return Values.of(-a.doubleValue());
        throw Errors.eval("unary '-' needs a number, got " + Values.typeName(a));
    }

    static JsonNode plus(JsonNode a) {
        Kind k = Values.kind(a);
        if (k == Kind.INTEGER || k == Kind.DECIMAL) return a;
        throw Errors.eval("unary '+' needs a number, got " + Values.typeName(a));
    }

    // ---- ordering §2.5 ------------------------------------------------------------------------

    /**
     * Compares two non-null values; an error when they have no ordering. Numbers equal by §2.4
     * compare as equal; full offset date-times compare by instant.
     */
    static int compare(JsonNode a, JsonNode b) {
        Kind ka = Values.kind(a), kb = Values.kind(b);
        if ((ka == Kind.INTEGER || ka == Kind.DECIMAL) && (kb == Kind.INTEGER || kb == Kind.DECIMAL)) {
            if (ka == Kind.INTEGER && kb == Kind.INTEGER) return Long.compare(a.longValue(), b.longValue());
            double x = a.doubleValue(), y = b.doubleValue();
            if (Values.numEqual(x, y)) return 0;
            return x < y ? -1 : 1;
        }
        if (ka == Kind.STRING && kb == Kind.STRING) {
            String x = a.asText(), y = b.asText();
            Long ix = Dates.offsetInstantMillis(x);
            if (ix != null) {
                Long iy = Dates.offsetInstantMillis(y);
                if (iy != null) {
                    int c = Long.compare(ix, iy);
                    if (c != 0) return c;
                    return Long.compare(Dates.offsetInstantNanos(x), Dates.offsetInstantNanos(y));
                }
            }
            return x.compareTo(y);
        }
        if (ka == Kind.BOOLEAN && kb == Kind.BOOLEAN) return Boolean.compare(a.booleanValue(), b.booleanValue());
        throw Errors.eval("cannot order " + Values.typeName(a) + " and " + Values.typeName(b));
    }

    /** {@code <, <=, >, >=}: false when either side is null. */
    static boolean relation(TokenType op, JsonNode a, JsonNode b) {
        Kind ka = Values.kind(a), kb = Values.kind(b);
        if (ka == Kind.INTEGER && kb == Kind.INTEGER) {
            long x = a.longValue(), y = b.longValue();
            return switch (op) {
                case LT -> x < y;
                case LT_EQ -> x <= y;
                case GT -> x > y;
                default -> x >= y;
            };
        }
        if (ka == Kind.NULL || kb == Kind.NULL) return false;
        int c = compare(a, b);
        return switch (op) {
            case LT -> c < 0;
            case LT_EQ -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    // ---- IN / LIKE §6.5 ---------------------------------------------------------------------

    static boolean in(JsonNode x, JsonNode y) {
        switch (Values.kind(y)) {
            case NULL: return false;
            case ARRAY:
                for (JsonNode e : y) if (Values.equal(x, e)) return true;
                return false;
            case STRING:
                if (Values.kind(x) != Kind.STRING) throw Errors.eval("IN on a string needs a string on the left, got " + Values.typeName(x));
                return y.asText().contains(x.asText());
            case OBJECT:
                // decision: a null key is never contained (null has no key text here)
                return !Values.isNull(x) && y.has(Values.text(x));
            default:
                throw Errors.eval("IN needs an array, string or object on the right, got " + Values.typeName(y));
        }
    }

    static boolean like(Env env, JsonNode s, JsonNode p) {
        if (Values.isNull(s) || Values.isNull(p)) return false;
        String text = likeText(s, "left"), pattern = likeText(p, "right");
        env.charge((long) text.length() * pattern.length() / 256);
        return Like.matches(text, pattern);
    }

    private static String likeText(JsonNode n, String side) {
        Kind k = Values.kind(n);
        if (k == Kind.ARRAY || k == Kind.OBJECT) throw Errors.eval("LIKE cannot use " + Values.typeName(n) + " on the " + side);
        return Values.text(n);
    }
}
