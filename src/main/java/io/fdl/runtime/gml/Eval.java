package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled expression node: one small closure per AST node, evaluated without re-dispatch. */
@FunctionalInterface
interface Eval {
    /** Never returns Java null. */
    JsonNode eval(Env env);
}
