package io.fdl.runtime.gml;

/**
 * Entry point of the GML engine (gml.md). Compile once, evaluate many times.
 *
 * <p>Contract shared by the fdl, engine, tools and api packages:
 * <ul>
 *   <li>{@link #compile(String)} parses and compiles a script; syntax errors (gml.md §8.1) throw
 *       {@link GmlException} with kind SYNTAX and a 1-based line/column.</li>
 *   <li>The returned {@link GmlScript} is immutable and thread-safe.</li>
 *   <li>Values are Jackson {@code JsonNode}s: integers are {@code LongNode}/{@code IntNode},
 *       decimals {@code DoubleNode}, null is {@code NullNode} (never Java null in results).</li>
 * </ul>
 */
public final class Gml {
    private Gml() {}

    public static GmlScript compile(String source) {
        return compile(source, GmlLimits.DEFAULT);
    }

    public static GmlScript compile(String source, GmlLimits limits) {
        if (source == null) source = "";
        if (limits == null) limits = GmlLimits.DEFAULT;
        if (source.length() > limits.maxSourceLength()) {
            throw new GmlException(GmlException.Kind.SYNTAX, "script source exceeds the limit of " + limits.maxSourceLength()
                    + " characters (maxSourceLength)", 1, 1, true);
        }
        try {
            Ast.Script ast = Parser.parseScript(Lexer.tokenize(source), limits.maxSyntaxDepth());
            return Compiler.compile(source, ast, limits);
        } catch (StackOverflowError e) {
            throw new GmlException(GmlException.Kind.SYNTAX, "script is nested too deeply (maxSyntaxDepth)", 1, 1, true);
        }
    }
}
