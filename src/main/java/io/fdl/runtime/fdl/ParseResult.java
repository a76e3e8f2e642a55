package io.fdl.runtime.fdl;

import java.util.List;

/**
 * The outcome of parsing and validating a flow definition.
 *
 * @param flow        the model, or null when any diagnostic is an error
 * @param diagnostics all findings (errors and warnings) in document order
 */
public record ParseResult(Flow flow, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return flow != null;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
}
