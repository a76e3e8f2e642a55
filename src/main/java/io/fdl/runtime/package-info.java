/**
 * FDL Runtime. Packages: gml (expression language), fdl (flow language), engine (non-blocking
 * interpreter), tools (api://, db://, flow://, mocks), store (ports + memory/postgres adapters),
 * auth, api (REST), ws (WebSockets), config, health. See README "Architecture".
 */
package io.fdl.runtime;
