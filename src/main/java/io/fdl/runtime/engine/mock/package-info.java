/**
 * Mocked runs (tools.md §6): {@link io.fdl.runtime.engine.mock.MockInvoker} validates a request's
 * {@code mocks} before the run and answers every call attempt from it (plain values, error, sequence,
 * byArgs, delayMs; nested). The engine records the call attempts; delays are scheduler timers.
 */
package io.fdl.runtime.engine.mock;
