package io.fdl.runtime.tools.db;

import java.util.List;

/** What one db:// operation runs inside its transaction and how the rows become the raw result (tools.md §4.3). */
public sealed interface DbPlan {

    enum Shape {
        /** first row as an object, or null */
        FIRST_ROW,
        /** all rows as an array */
        ROWS,
        /** {@code {value: <first column of the first row>}} */
        COUNT,
        /** {@code {value: <affected rows>}} */
        ROW_COUNT,
        /** rows when the statement returns a result set, else {@code {value: updatedCount}} */
        NATIVE
    }

    record Single(Sql sql, Shape shape) implements DbPlan {}

    /** {@code page}: the items and the total count, read in the same transaction. */
    record Page(Sql items, Sql count, int page, int size) implements DbPlan {}

    /** {@code bulk}: every statement in order, {@code {value: n}} where n is the number of statements. */
    record Batch(List<Sql> statements) implements DbPlan {}
}
