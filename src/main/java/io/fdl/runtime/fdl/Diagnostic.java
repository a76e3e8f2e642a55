package io.fdl.runtime.fdl;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A save-time validation finding (fdl.md §12), serialised as
 * {@code {severity, code, message, line, column, node, path}} (severity as {@code "error"}/{@code "warning"}).
 *
 * @param line   1-based line (document line; for editor JSON inside the field text); 0 when unknown
 * @param column 1-based column; 0 when unknown
 * @param node   the id of the node concerned, or null outside nodes
 * @param path   e.g. {@code flow.node.notify.node.send.args} or {@code nodes[3].data.with}
 */
public record Diagnostic(Severity severity, String code, String message, int line, int column, String node,
                         String path) {

    public enum Severity {
        ERROR, WARNING;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity.json() + " " + code + " " + line + ":" + column + (node == null ? "" : " [" + node + "]")
                + (path == null ? "" : " " + path) + ": " + message;
    }
}
