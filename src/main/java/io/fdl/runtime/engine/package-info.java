/**
 * The FDL interpreter (fdl.md §7–§11): plain Java (Jackson, Mutiny, gml, fdl), no Quarkus.
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link io.fdl.runtime.engine.FlowCompiler} turns a validated {@code Flow} into a
 *       {@link io.fdl.runtime.engine.CompiledFlow} once: every block becomes arrays
 *       ({@link io.fdl.runtime.engine.CompiledBlock}: node index, successors per jump kind, predecessor
 *       counts, start and terminal nodes), cached per definition key.</li>
 *   <li>{@link io.fdl.runtime.engine.FlowEngine#start} validates mocks and inputs synchronously
 *       ({@link io.fdl.runtime.engine.InvalidInputsException}) and returns a
 *       {@link io.fdl.runtime.engine.RunHandle}.</li>
 *   <li>A run is event-driven and confined: all its state is mutated by tasks of one serial queue on
 *       the shared executor; tool Unis and timers ({@link io.fdl.runtime.engine.Scheduler}) re-enter
 *       through that queue. Nothing sleeps or blocks, so thousands of runs share a few threads.
 *       The executor must be a real pool or event-loop context in production (a direct executor would
 *       run flow logic on the timer thread); tests use a direct executor with
 *       {@link io.fdl.runtime.engine.ManualScheduler}.</li>
 *   <li>Readiness follows §7.3–7.4 exactly: each edge becomes live or dead once; a node with all
 *       incoming edges resolved runs once if any is live, else is dead and kills its outgoing edges
 *       (dead-path elimination), so joins never hang.</li>
 *   <li>One event stream per run ({@link io.fdl.runtime.engine.ExecutionEvent}, seq from 1) to the
 *       request's listener, on the run's context, in seq order.</li>
 * </ul>
 *
 * <h2>Decisions where the spec is silent</h2>
 * <ul>
 *   <li>Running-node limit (§13): tool calls and waits hold a slot from start to end (retry back-off
 *       included); each/loop nodes do not hold one while their body runs, so nested bodies can never
 *       starve; mappings, conditions and cases finish within their start task.</li>
 *   <li>A node that fails after its {@code sets} ran (an error in {@code with}) has its variable
 *       updates undone: a failed node changes no variable.</li>
 *   <li>A falsy {@code only} emits {@code node_skipped} (reason {@code only}) without
 *       {@code node_started}; a dead node emits {@code node_skipped} (reason {@code dead}).</li>
 *   <li>Progress is the share of resolved top-level nodes; {@code progress} events follow every
 *       top-level resolution.</li>
 *   <li>Call records and tool callers name the node with iteration indexes
 *       ({@code collect[1]/pages[0]/fetch}, as idempotency keys do); events, node records and the run
 *       error use the plain path ({@code collect/pages/fetch}) with the indexes as separate data.</li>
 *   <li>A tool Uni failing with something other than a {@code ToolException} is {@code INTERNAL_ERROR}
 *       (not retried).</li>
 *   <li>Node outputs larger than {@link io.fdl.runtime.engine.EngineLimits#eventOutputMaxChars()} are cut
 *       to a JSON-text preview in events ({@code truncated: true}); outcomes keep full values.</li>
 * </ul>
 */
package io.fdl.runtime.engine;
