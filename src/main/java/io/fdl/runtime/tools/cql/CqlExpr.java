package io.fdl.runtime.tools.cql;

import java.util.List;

/** CQL syntax tree (tools.md §4.4). Produced by {@link CqlParser}, turned into SQL by a translator. */
public sealed interface CqlExpr {

    /** A field reference as written in the CQL text (camelCase or snake_case), with its column. */
    record Field(String name, int column) {}

    record Or(List<CqlExpr> operands) implements CqlExpr {}

    record And(List<CqlExpr> operands) implements CqlExpr {}

    /** {@code field op value}; {@code op} is normalised to one of {@code = <> > >= < <=}. */
    record Compare(Field field, String op, CqlValue value) implements CqlExpr {}

    record InList(Field field, boolean negated, List<CqlValue> values) implements CqlExpr {}

    /** {@code field [NOT] IN :param}: one placeholder per element of the array parameter. */
    record InParam(Field field, boolean negated, CqlValue.Param param) implements CqlExpr {}

    record Like(Field field, boolean negated, CqlValue pattern) implements CqlExpr {}

    record IsNull(Field field, boolean negated) implements CqlExpr {}
}
