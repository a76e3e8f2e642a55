package io.fdl.runtime.tools.cql;

/** A value operand of a CQL predicate. NULL never appears here: it is turned into IS [NOT] NULL. */
public sealed interface CqlValue {

    int column();

    /** A quoted STRING or an unquoted WORD: a string value either way. */
    record Text(String value, int column) implements CqlValue {}

    /** A NUMBER literal kept as written, converted to the column type at translation. */
    record Number(String literal, int column) implements CqlValue {}

    record Bool(boolean value, int column) implements CqlValue {}

    /** {@code :name}, taken from {@code args.params}. */
    record Param(String name, int column) implements CqlValue {}

    /**
     * {@code TIME(…)}, {@code DATE(…)} or {@code NOW(…)} evaluated at call time (gml.md §9.1).
     *
     * @param function upper-case function name
     * @param argument the argument text, or null when empty
     * @param numeric  true when the argument was a NUMBER (epoch milliseconds)
     */
    record TimeFn(String function, String argument, boolean numeric, int column) implements CqlValue {}
}
