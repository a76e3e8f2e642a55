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
 *       to a JSON-text preview in events ({@code truncated: true}); outcomes keep full values. The
 *       preview is serialised only up to its length ({@code BoundedJson}).</li>
 *   <li><b>Run budget</b> ({@code RunBudget}): every node start and every each/loop iteration is a
 *       step ({@link io.fdl.runtime.engine.EngineLimits#maxRunSteps()}); every value a scope takes
 *       (inputs, vars, sets, published node values, each item lists, mocked call arguments) is sized
 *       once by {@link io.fdl.runtime.gml.ValueSize} and given back when its scope is discarded
 *       ({@link io.fdl.runtime.engine.EngineLimits#maxRunBytes()}); all runs of an engine share one
 *       {@link io.fdl.runtime.engine.MemoryPool} (half the heap by default), reserved in 1 MiB grains.
 *       A tenant's {@link io.fdl.runtime.engine.RunQuota} only lowers the limits. Exceeding one throws
 *       {@code RunLimitExceeded}, which no node handler catches: the run fails with
 *       {@code RUN_LIMIT_EXCEEDED} (the message names {@code run_max_steps}, {@code run_max_bytes} or
 *       {@code run_pool_bytes}), its context and call records are dropped and its reservation freed.</li>
 *   <li><b>Yielding</b>: the pump looks at the scheduler's clock every 64 node starts; after a 5 ms
 *       slice it checks the run deadline ({@code EXECUTION_TIMEOUT}) and continues in a fresh task via
 *       {@link io.fdl.runtime.engine.Scheduler#defer}, so CPU-bound runs never monopolise a thread
 *       (an event loop included) and their timers and cancellation get through. With
 *       {@link io.fdl.runtime.engine.ManualScheduler} the clock stands still during a task, so tests
 *       stay deterministic.</li>
 * </ul>
 */
package io.fdl.runtime.engine;
