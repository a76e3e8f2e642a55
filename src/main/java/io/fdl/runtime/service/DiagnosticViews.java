package io.fdl.runtime.service;

import io.fdl.runtime.api.dto.FlowDtos.DiagnosticView;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.fdl.Diagnostic;
import io.fdl.runtime.fdl.ParseResult;

import java.util.List;

/** Diagnostics on the wire (fdl.md §12): line/column 0 ("unknown") become null. */
public final class DiagnosticViews {
    private DiagnosticViews() {}

    public static List<DiagnosticView> views(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> new DiagnosticView(d.severity().json(), d.code(), d.message(),
                d.line() > 0 ? d.line() : null, d.column() > 0 ? d.column() : null, d.node(), d.path())).toList();
    }

    /** 422 INVALID_FLOW with every diagnostic (errors and warnings). */
    public static ApiException invalidFlow(ParseResult result) {
        List<Diagnostic> errors = result.errors();
        String first = errors.isEmpty() ? "invalid flow" : errors.get(0).message();
        String msg = "Invalid flow definition: " + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
                + " (first: " + first + ")";
        return new ApiException(422, "INVALID_FLOW", msg).with("diagnostics", views(result.diagnostics()));
    }
}
