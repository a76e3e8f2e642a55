package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A node execution that outlives one task: a tool call, a wait, or an each/loop running its body.
 * Completion callbacks (Unis, timers) re-enter through the run's serial queue and are ignored once
 * {@link #done} is set, which is how abandoned work stays abandoned.
 */
abstract class NodeExec {
    final Run run;
    final BlockRun block;
    final CompiledNode node;
    final long startedAt;
    int attempts;
    boolean done;
    /** True while this execution occupies one of the run's running-node slots (§13). */
    boolean holdsSlot;
    /** True while only a timer is pending (wait, retry back-off): the run reports "waiting". */
    boolean waiting;
    /** Epoch ms of the pending timer (wait end, back-off end, attempt timeout), 0 when none. */
    long timerDeadline;

    NodeExec(BlockRun block, CompiledNode node, long startedAt) {
        this.run = block.run;
        this.block = block;
        this.node = node;
        this.startedAt = startedAt;
    }

    /** Whether this kind counts toward the running-node limit. */
    abstract boolean usesSlot();

    /** Phase A and the launch of phase B; may throw {@link NodeFailure}. */
    abstract void start();

    /** Cancels timers, in-flight calls and nested bodies. */
    abstract void cancelPending();

    /** Kind-specific state for snapshots. */
    void describe(ObjectNode into) { }

    String path() { return block.path(node); }

    String indexedPath() { return block.indexedPath(node); }

    final void fail(ErrorInfo error) {
        if (done) return;
        done = true;
        cancelPending();
        block.finished(this);
        block.nodeFailed(node.index(), this, error, startedAt);
    }

    final void complete(JsonNode value, boolean publish) {
        done = true;
        cancelPending();
        block.finished(this);
        block.completed(node.index(), node, value, publish, startedAt, attempts, node.next());
    }

    /** The run or the enclosing iteration stopped: drop everything, record the node as cancelled. */
    final void abandon() {
        if (done) return;
        done = true;
        cancelPending();
        run.deactivate(this);
        run.record(block, node, "cancelled", startedAt, run.now(), attempts, null);
    }
}
