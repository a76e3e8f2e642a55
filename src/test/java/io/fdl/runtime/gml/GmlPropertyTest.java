package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fdl.runtime.gml.Ast.*;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Property-style tests: random valid ASTs survive print → parse → print unchanged, and random or
 * mutated sources never make compile/evaluate throw anything but GmlException.
 */
class GmlPropertyTest {
    private static final Pos P = new Pos(1, 1);
    private static final String[] NAMES = {"a", "b", "x", "items", "row", "é", "_k", "end", "case", "n1"};
    private static final String[] MEMBERS = {"a", "b", "end", "END", "null", "CASE", "$t", "x1", "size"};
    private static final String[] METHODS = {"map", "filter", "length", "sum", "sort", "keys", "trim", "split", "foo"};
    private static final TokenType[] BINOPS = {TokenType.PLUS, TokenType.MINUS, TokenType.STAR, TokenType.SLASH,
            TokenType.PERCENT, TokenType.EQ_EQ, TokenType.BANG_EQ, TokenType.LT, TokenType.LT_EQ, TokenType.GT,
            TokenType.GT_EQ, TokenType.AMP_AMP, TokenType.PIPE_PIPE, TokenType.QQ, TokenType.IN, TokenType.LIKE};
    private static final String STRING_CHARS = "ab'\"\\`$#{}\n\t é😀%_ ";

    private final Random rnd = new Random(20261127);

    // ---- generator ------------------------------------------------------------------------------

    private Expr expr(int depth) {
        int kind = depth <= 0 ? rnd.nextInt(7) : rnd.nextInt(22);
        switch (kind) {
            case 0: return new Literal(P, LongNode.valueOf(rnd.nextInt(1000)));
            case 1: return new Literal(P, DoubleNode.valueOf(rnd.nextInt(10000) / 100.0 + 0.5));
            case 2: return new Literal(P, TextNode.valueOf(randomString()));
            case 3: return new Literal(P, rnd.nextBoolean() ? BooleanNode.TRUE : NullNode.instance);
            case 4: return new Ident(P, pick(NAMES));
            case 5: return rnd.nextBoolean() ? new Temp(P, "t" + rnd.nextInt(3)) : new This(P);
            case 6: return new Root(P);
            case 7: return new Unary(P, pick(new TokenType[]{TokenType.BANG, TokenType.MINUS, TokenType.PLUS, TokenType.NOT}), expr(depth - 1));
            case 8: case 9: {
                TokenType op = pick(BINOPS);
                boolean neg = (op == TokenType.IN || op == TokenType.LIKE) && rnd.nextBoolean();
                return new Binary(P, op, neg, expr(depth - 1), expr(depth - 1));
            }
            case 10: return new Ternary(P, expr(depth - 1), expr(depth - 1), expr(depth - 1));
            case 11: return new Member(P, expr(depth - 1), pick(MEMBERS), rnd.nextBoolean());
            case 12: return new Index(P, expr(depth - 1), expr(depth - 1), rnd.nextBoolean());
            case 13: return new LastElem(P, expr(depth - 1));
            case 14: {
                List<Expr> args = new ArrayList<>();
                int n = rnd.nextInt(3);
                for (int i = 0; i < n; i++) {
                    if (rnd.nextBoolean()) {
                        List<String> params = new ArrayList<>();
                        int pc = rnd.nextInt(3);
                        for (int k = 0; k < pc; k++) params.add(pick(NAMES));
                        args.add(new Lambda(P, params, expr(depth - 1)));
                    } else {
                        args.add(expr(depth - 1));
                    }
                }
                return new MethodCall(P, expr(depth - 1), pick(METHODS), args, rnd.nextBoolean());
            }
            case 15: {
                String[][] fns = {{"UPPER", "1"}, {"round", "2"}, {"CONCAT", "3"}, {"IF", "3"}, {"coalesce", "2"}, {"uuid", "0"}};
                String[] f = fns[rnd.nextInt(fns.length)];
                List<Expr> args = new ArrayList<>();
                for (int i = 0; i < Integer.parseInt(f[1]); i++) args.add(expr(depth - 1));
                return new Call(P, f[0], args);
            }
            case 16: {
                List<Expr> els = new ArrayList<>();
                int n = rnd.nextInt(4);
                for (int i = 0; i < n; i++) els.add(rnd.nextInt(4) == 0 ? new Spread(P, expr(depth - 1)) : expr(depth - 1));
                return new ArrayLit(P, els);
            }
            case 17: {
                List<Field> fields = new ArrayList<>();
                int n = rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (rnd.nextInt(4) == 0) fields.add(new SpreadField(P, expr(depth - 1)));
                    else fields.add(new Prop(P, rnd.nextBoolean() ? pick(NAMES) : randomString(), expr(depth - 1)));
                }
                return new ObjectLit(P, fields);
            }
            case 18: {
                List<When> whens = new ArrayList<>();
                int n = 1 + rnd.nextInt(2);
                for (int i = 0; i < n; i++) whens.add(new When(expr(depth - 1), expr(depth - 1)));
                return new Case(P, rnd.nextBoolean() ? expr(depth - 1) : null, whens, rnd.nextBoolean() ? expr(depth - 1) : null);
            }
            case 19: {
                int n = rnd.nextInt(3);
                List<String> lits = new ArrayList<>();
                List<Expr> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    lits.add(randomString());
                    parts.add(expr(depth - 1));
                }
                lits.add(randomString());
                return new Template(P, lits, parts);
            }
            default: return new Binary(P, pick(BINOPS), false, expr(depth - 1), expr(0));
        }
    }

    private Script script() {
        List<Item> items = new ArrayList<>();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1;
            int k = rnd.nextInt(last ? 6 : 4);
            items.add(switch (k) {
                case 0 -> new Assign(P, pick(NAMES), false, expr(3));
                case 1 -> new TempAssign(P, "t" + rnd.nextInt(3), expr(3));
                case 2 -> new SpreadItem(P, expr(3));
                case 3 -> new Assign(P, randomString(), true, expr(3));
                case 4 -> new Return(P, expr(3));
                default -> new ExprItem(P, expr(3));
            });
        }
        return new Script(items);
    }

    private String randomString() {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            int cp = STRING_CHARS.codePointAt(STRING_CHARS.offsetByCodePoints(0, rnd.nextInt(STRING_CHARS.codePointCount(0, STRING_CHARS.length()))));
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private <T> T pick(T[] arr) {
        return arr[rnd.nextInt(arr.length)];
    }

    private static Script parse(String src) {
        return Parser.parseScript(Lexer.tokenize(src), GmlLimits.DEFAULT.maxSyntaxDepth());
    }

    // ---- properties -------------------------------------------------------------------------------

    @Test
    void randomExpressionsRoundTripThroughThePrinter() {
        for (int i = 0; i < 3000; i++) {
            Expr e = expr(4);
            String printed = AstPrinter.print(e);
            Script reparsed;
            try {
                reparsed = parse(printed);
            } catch (GmlException ex) {
                throw new AssertionError("printed source does not parse: " + printed + "\n" + ex.getMessage(), ex);
            }
            assertEquals(1, reparsed.items().size(), printed);
            Item item = reparsed.items().get(0);
            Expr back = item instanceof ExprItem x ? x.value() : item instanceof Compact c ? new Ident(P, c.name()) : null;
            assertNotNull(back, printed);
            assertEquals(printed, AstPrinter.print(back), "round trip changed the tree");
        }
    }

    @Test
    void randomScriptsRoundTripThroughThePrinter() {
        for (int i = 0; i < 1500; i++) {
            Script s = script();
            String printed = AstPrinter.print(s);
            Script back;
            try {
                back = parse(printed);
            } catch (GmlException ex) {
                throw new AssertionError("printed source does not parse: " + printed + "\n" + ex.getMessage(), ex);
            }
            assertEquals(printed, AstPrinter.print(back));
            assertEquals(s.items().size(), back.items().size());
        }
    }

    @Test
    void randomValidTreesCompileAndEvaluateWithoutCrashing() throws Exception {
        GmlContext ctx = exampleContext();
        for (int i = 0; i < 2000; i++) {
            String src = AstPrinter.print(script());
            assertOnlyGmlExceptions(src, ctx);
        }
    }

    @Test
    void garbageAndMutatedSourcesOnlyRaiseGmlException() throws Exception {
        List<String> seeds = new ArrayList<>();
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/gml/spec-cases.json")) {
            cases = new ObjectMapper().readTree(in);
        }
        for (JsonNode c : cases) seeds.add(c.get("expr").asText());
        GmlContext ctx = exampleContext();
        String alphabet = "abcxyz019_$#.,;:?!=<>+-*/%&|()[]{}'\"`\\\n\t é😀NOTINLIKECASEWHENTHENELSEENDthisreturn...=>";
        for (int i = 0; i < 6000; i++) {
            String src;
            if (i % 3 == 0) {
                StringBuilder sb = new StringBuilder();
                int n = rnd.nextInt(30);
                for (int k = 0; k < n; k++) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                src = sb.toString();
            } else {
                StringBuilder sb = new StringBuilder(seeds.get(rnd.nextInt(seeds.size())));
                int edits = 1 + rnd.nextInt(4);
                for (int k = 0; k < edits; k++) {
                    int pos = sb.length() == 0 ? 0 : rnd.nextInt(sb.length());
                    switch (rnd.nextInt(3)) {
                        case 0 -> { if (sb.length() > 0) sb.deleteCharAt(pos); }
                        case 1 -> sb.insert(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                        default -> { if (sb.length() > 0) sb.setCharAt(pos, alphabet.charAt(rnd.nextInt(alphabet.length()))); }
                    }
                }
                src = sb.toString();
            }
            assertOnlyGmlExceptions(src, ctx);
        }
    }

    @Test
    void deeplyNestedSourcesAreRejectedWithALimitError() {
        String deep = "(".repeat(5000) + "1" + ")".repeat(5000);
        GmlException e = assertThrows(GmlException.class, () -> Gml.compile(deep));
        assertTrue(e.limitExceeded());
        String chain = "1" + " + 1".repeat(10000);
        assertThrows(GmlException.class, () -> Gml.compile(chain));
        String arrays = "[".repeat(3000) + "]".repeat(3000);
        assertThrows(GmlException.class, () -> Gml.compile(arrays));
    }

    private static void assertOnlyGmlExceptions(String src, GmlContext ctx) {
        try {
            Gml.compile(src).evaluate(ctx);
        } catch (GmlException e) {
            assertNotNull(e.getMessage());
            assertTrue(e.line() >= 1 && e.column() >= 1, "error without position for " + src + ": " + e.getMessage());
        } catch (Throwable t) {
            throw new AssertionError("non-GML failure for source <<" + src + ">>: " + t, t);
        }
    }

    static GmlContext exampleContext() throws Exception {
        ObjectNode vars = (ObjectNode) new ObjectMapper().readTree("""
                {"lines": [{"sku": "p1", "qty": 2, "price": 4.5}, {"sku": "p2", "qty": 1, "price": 10}],
                 "people": [{"name": "Eve", "age": 41}, {"name": "Bo", "age": 29}],
                 "stamp": "2024-11-05T08:09:10.000+01:00", "none": null, "a": 1, "b": "x", "items": [1, 2, 3],
                 "row": {"a": [1, {"b": 2}], "end": "e"}, "x": {"a": 1}}""");
        return GmlContext.of(vars);
    }
}
