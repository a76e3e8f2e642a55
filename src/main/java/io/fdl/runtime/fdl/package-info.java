/**
 * FDL: flow definitions (fdl.md). YAML or the editor's JSON graph → validated {@link io.fdl.runtime.fdl.Flow}
 * model with source positions, save-time diagnostics, the args type system (input preparation and result
 * shaping) and generation of YAML / editor JSON from a model. Plain Java: Jackson, snakeyaml-engine, gml.
 */
package io.fdl.runtime.fdl;
