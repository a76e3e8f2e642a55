package io.fdl.runtime.fdl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects diagnostics while parsing and validating one definition. */
final class Diagnostics {
    private final List<Diagnostic> list = new ArrayList<>();

    void error(String code, String message, SourcePos pos, String node, String path) {
        add(Diagnostic.Severity.ERROR, code, message, pos, node, path);
    }

    void warning(String code, String message, SourcePos pos, String node, String path) {
        add(Diagnostic.Severity.WARNING, code, message, pos, node, path);
    }

    private void add(Diagnostic.Severity sev, String code, String message, SourcePos pos, String node, String path) {
        SourcePos p = pos == null ? SourcePos.NONE : pos;
        list.add(new Diagnostic(sev, code, message, p.line(), p.column(), node, path == null || path.isEmpty() ? null : path));
    }

    boolean hasErrors() {
        return list.stream().anyMatch(Diagnostic::isError);
    }

    /** Diagnostics sorted by position (stable: same position keeps discovery order), duplicates removed. */
    List<Diagnostic> sorted(boolean byPosition) {
        List<Diagnostic> out = new ArrayList<>(new java.util.LinkedHashSet<>(list));
        if (byPosition) out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return out;
    }
}
