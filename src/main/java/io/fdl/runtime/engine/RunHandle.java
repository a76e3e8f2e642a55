package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** A started run. Every method is thread-safe and non-blocking. */
public interface RunHandle {

    String executionId();

    /** Completes once with the outcome (never fails: failures are outcomes). */
    CompletionStage<RunOutcome> outcomeStage();

    default Uni<RunOutcome> outcome() { return Uni.createFrom().completionStage(this::outcomeStage); }

    /**
     * Asks the run to stop: timers stop, in-flight calls are abandoned, the outcome becomes
     * {@code cancelled} with error CANCELLED. Returns false when the run had already ended
     * (the API answers 409 then).
     */
    boolean cancel();

    RunStatus status();

    /** Share of top-level nodes resolved, 0..1 (1 once finished). */
    double progress();

    /** Paths of the nodes running right now (with iteration indexes), in start order. */
    List<String> currentNodes();

    /**
     * The run state as plain JSON data (inputs, variables, block/node/edge states, loop counters,
     * pending timer deadlines), taken consistently on the run's own context.
     */
    Uni<ObjectNode> snapshot();
}
