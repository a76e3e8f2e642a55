package io.fdl.runtime.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.engine.CompiledFlow;
import io.fdl.runtime.fdl.Flow;
import io.fdl.runtime.fdl.ParseResult;

/**
 * What the services need from the fdl and engine packages to turn a definition into something
 * runnable: parse + validate either format, generate the other format, compile. One adapter
 * ({@link FdlDefinitions}) binds it to those packages.
 */
public interface Definitions {

    /** Parses and validates FDL YAML (fdl.md §12). */
    ParseResult parseYaml(String yaml);

    /** Converts and validates the editor's JSON graph (editor-json.md). */
    ParseResult parseEditor(JsonNode graph);

    /** Canonical YAML of a model (4-space indentation). */
    String toYaml(Flow flow);

    /** Editor graph of a model (editor-json.md §4). */
    JsonNode toEditor(Flow flow);

    /** Prepares a validated model for running. */
    CompiledFlow compile(Flow flow);
}
