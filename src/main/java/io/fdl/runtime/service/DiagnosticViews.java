package io.fdl.runtime.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.api.dto.FlowDtos.DiagnosticView;
import io.fdl.runtime.store.FlowVersion;
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

    /** The diagnostics as stored with an invalid draft: the same objects as on the wire. */
    public static ArrayNode json(List<Diagnostic> diagnostics) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (DiagnosticView v : views(diagnostics)) {
            ObjectNode o = a.addObject().put("severity", v.severity()).put("code", v.code()).put("message", v.message());
            o.put("line", v.line());
            o.put("column", v.column());
            o.put("node", v.node());
            o.put("path", v.path());
        }
        return a;
    }

    /** 422 INVALID_FLOW for running or publishing a stored draft that does not validate. */
    public static ApiException invalidVersion(FlowVersion v) {
        int errors = 0;
        String first = "invalid flow";
        if (v.diagnostics() != null) {
            for (JsonNode d : v.diagnostics()) {
                if (!"error".equals(d.path("severity").asText())) continue;
                if (errors++ == 0) first = d.path("message").asText(first);
            }
        }
        return new ApiException(422, "INVALID_FLOW", "Version " + v.versionNumber() + " is a draft that does not validate: "
                + errors + " error" + (errors == 1 ? "" : "s") + " (first: " + first + ")")
                .with("diagnostics", v.diagnostics() == null ? JsonNodeFactory.instance.arrayNode() : v.diagnostics());
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
