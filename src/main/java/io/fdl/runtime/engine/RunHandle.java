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

    /** The prepared inputs (defaults applied, coerced, with tenantId and buCode), for the API's run record. */
    ObjectNode inputs();

    /** Share of top-level nodes resolved, 0..1 (1 once finished). */
    double progress();

    /** Paths of the nodes running right now (with iteration indexes), in start order. */
    List<String> currentNodes();

    /**
     * While every running node only waits on a timer (status {@code waiting}): the epoch ms of the
     * earliest timer, when the run will next have work; 0 otherwise. A replica may park such a run
     * (give up its lease until then) instead of holding it in memory.
     */
    default long wakeAt() { return 0; }

    /**
     * The run state as plain JSON data (inputs, variables, block/node/edge states, loop counters,
     * pending timer deadlines), taken consistently on the run's own context.
     */
    Uni<ObjectNode> snapshot();
}
