package io.fdl.runtime.tools.cql;

import io.fdl.runtime.engine.port.ToolException;

/** Builds CQL_SYNTAX errors carrying the 1-based column (tools.md §4.5 rule 3). */
final class CqlSyntax {
    private CqlSyntax() {}

    static ToolException at(int column, String message) {
        return new ToolException("CQL_SYNTAX", "CQL syntax error at column " + column + ": " + message);
    }
}
