package io.fdl.runtime.fdl;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Façade of the fdl package: parse and validate flow definitions from FDL YAML or the editor's JSON
 * graph, and generate either format from a model. Stateless and thread-safe.
 */
public final class FlowDefinitions {
    private FlowDefinitions() {}

    /** Parses and validates FDL YAML (fdl.md §2–§13) with default options. */
    public static ParseResult parseYaml(String text) {
        return parseYaml(text, ValidationOptions.DEFAULT);
    }

    /**
     * Parses and validates FDL YAML. Never throws: every problem, including invalid YAML, is a
     * diagnostic; {@link ParseResult#flow()} is null when any error was found.
     */
    public static ParseResult parseYaml(String text, ValidationOptions options) {
        ValidationOptions opts = options == null ? ValidationOptions.DEFAULT : options;
        Diagnostics d = new Diagnostics();
        if (text == null) text = "";
        try {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > opts.limits().maxDocumentBytes()) {
                d.error("LIMIT", "the document has " + bytes + " bytes, more than the limit of " + opts.limits().maxDocumentBytes(),
                        SourcePos.START, null, null);
                return new ParseResult(null, d.sorted(true));
            }
            YNode root = YamlReader.read(text, d);
            if (root == null && d.hasErrors()) return new ParseResult(null, d.sorted(true));
            Flow flow = new FlowBuilder(d, opts, true).build(root);
            if (opts.style() && root != null) StyleChecker.check(root, text, d);
            return new ParseResult(d.hasErrors() ? null : flow, d.sorted(true));
        } catch (RuntimeException | StackOverflowError e) {
            // a defect of ours must never surface as an exception to callers saving a flow
            d.error("DOC_SHAPE", "internal error while validating: " + e, SourcePos.START, null, null);
            return new ParseResult(null, d.sorted(true));
        }
    }

    /** Converts and validates the editor's JSON graph (editor-json.md) with default options. */
    public static ParseResult fromEditorJson(JsonNode graph) {
        return fromEditorJson(graph, ValidationOptions.DEFAULT);
    }

    /**
     * Converts and validates the editor's JSON graph into the same model as YAML. Diagnostics carry
     * {@code node} and {@code path} such as {@code nodes[3].data.with}; line and column are inside
     * that field's text. Never throws.
     */
    public static ParseResult fromEditorJson(JsonNode graph, ValidationOptions options) {
        ValidationOptions opts = options == null ? ValidationOptions.DEFAULT : options;
        Diagnostics d = new Diagnostics();
        try {
            EditorGraphReader.Read read = EditorGraphReader.read(graph, d);
            if (read.root() == null) return new ParseResult(null, d.sorted(false));
            Flow flow = new FlowBuilder(d, new ValidationOptions(opts.limits(), opts.knownTools(), false), false).build(read.root());
            // diagnostics name the node as the editor knows it (editor-json.md §2)
            List<Diagnostic> diagnostics = read.ids().isEmpty() ? d.sorted(false) : d.sorted(false).stream()
                    .map(x -> x.node() == null ? x : new Diagnostic(x.severity(), x.code(), x.message(), x.line(),
                            x.column(), read.ids().report(x.node()), x.path()))
                    .toList();
            return new ParseResult(d.hasErrors() || flow == null ? null : flow.withIds(read.ids()), diagnostics);
        } catch (RuntimeException | StackOverflowError e) {
            d.error("DOC_SHAPE", "internal error while validating: " + e, SourcePos.START, null, null);
            return new ParseResult(null, d.sorted(false));
        }
    }

    /** Generates the editor graph ({@code data}) for a model: layered layout, start node from args.in. */
    public static JsonNode toEditorJson(Flow flow) {
        return EditorGraphWriter.write(flow);
    }

    /** Generates FDL YAML (4-space indentation) equivalent to the model. */
    public static String toYaml(Flow flow) {
        return YamlWriter.write(flow);
    }

    /** Only the errors of a diagnostics list. */
    public static List<Diagnostic> errors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
