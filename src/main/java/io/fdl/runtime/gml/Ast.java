package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The syntax tree of gml.md §4: immutable records, compiled once by {@link Compiler}. */
final class Ast {
    private Ast() {}

    record Pos(int line, int col) {
        @Override public String toString() { return line + ":" + col; }
    }

    sealed interface Node permits Expr, Item, Field {
        Pos pos();
    }

    // ---- expressions ------------------------------------------------------------------------

    sealed interface Expr extends Node permits Literal, Template, Ident, Temp, Root, This, Unary, Binary,
            Ternary, Member, Index, LastElem, MethodCall, Call, ArrayLit, Spread, ObjectLit, Case, Lambda {}

    /** Number, string, boolean or null literal. */
    record Literal(Pos pos, JsonNode value) implements Expr {}

    /** Template string: literals.size() == parts.size() + 1. */
    record Template(Pos pos, List<String> literals, List<Expr> parts) implements Expr {}

    record Ident(Pos pos, String name) implements Expr {}

    /** A temporary {@code $name} (name without '$'). */
    record Temp(Pos pos, String name) implements Expr {}

    record Root(Pos pos) implements Expr {}

    record This(Pos pos) implements Expr {}

    /** Prefix operator: BANG, MINUS, PLUS or NOT. */
    record Unary(Pos pos, TokenType op, Expr operand) implements Expr {}

    /**
     * Binary operator (arithmetic, comparison, equality, logic, ??, IN, LIKE). {@code negated} marks
     * NOT IN / NOT LIKE. AND/OR are stored as AMP_AMP/PIPE_PIPE.
     */
    record Binary(Pos pos, TokenType op, boolean negated, Expr left, Expr right) implements Expr {}

    record Ternary(Pos pos, Expr cond, Expr then, Expr otherwise) implements Expr {}

    record Member(Pos pos, Expr target, String name, boolean optional) implements Expr {}

    record Index(Pos pos, Expr target, Expr index, boolean optional) implements Expr {}

    /** {@code x[#]}. */
    record LastElem(Pos pos, Expr target) implements Expr {}

    /** {@code recv.name(args)}; args may contain {@link Lambda}s. */
    record MethodCall(Pos pos, Expr receiver, String name, List<Expr> args, boolean optional) implements Expr {}

    /** Built-in function call; name as written. */
    record Call(Pos pos, String name, List<Expr> args) implements Expr {}

    /** Array literal; elements may be {@link Spread}. */
    record ArrayLit(Pos pos, List<Expr> elements) implements Expr {}

    /** {@code ...e} inside an array literal. */
    record Spread(Pos pos, Expr value) implements Expr {}

    record ObjectLit(Pos pos, List<Field> fields) implements Expr {}

    /** CASE; subject is null for a searched CASE, otherwise null when there is no ELSE. */
    record Case(Pos pos, Expr subject, List<When> whens, Expr otherwise) implements Expr {}

    record When(Expr cond, Expr result) {}

    /** Only as a method argument. */
    record Lambda(Pos pos, List<String> params, Expr body) implements Expr {}

    // ---- object fields ----------------------------------------------------------------------

    sealed interface Field extends Node permits Prop, SpreadField {}

    /** {@code key = value} / {@code key: value}; a shorthand {@code { k }} is Prop(k, Ident(k)). */
    record Prop(Pos pos, String key, Expr value) implements Field {}

    record SpreadField(Pos pos, Expr value) implements Field {}

    // ---- script items -----------------------------------------------------------------------

    sealed interface Item extends Node permits Assign, TempAssign, SpreadItem, Compact, ExprItem, Return {}

    /** {@code name = e} or {@code 'key' = e} (quoted). */
    record Assign(Pos pos, String name, boolean quoted, Expr value) implements Item {}

    record TempAssign(Pos pos, String name, Expr value) implements Item {}

    record SpreadItem(Pos pos, Expr value) implements Item {}

    /** A plain identifier item in a multi-item script: same as {@code name = name}. */
    record Compact(Pos pos, String name) implements Item {}

    record ExprItem(Pos pos, Expr value) implements Item {}

    record Return(Pos pos, Expr value) implements Item {}

    record Script(List<Item> items) {}
}
