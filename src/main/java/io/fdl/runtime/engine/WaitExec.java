package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.fdl.Node;

import java.time.Instant;

/** A wait node (§6.7): a timer, never a sleeping thread. */
final class WaitExec extends NodeExec {
    private final long delayMs;
    private Scheduler.Cancellable timer = Scheduler.Cancellable.NOOP;

    WaitExec(BlockRun block, CompiledNode node, Node.Wait def, long startedAt) {
        super(block, node, startedAt);
        this.delayMs = def.durationMs();
    }

    @Override boolean usesSlot() { return true; }

    @Override
    void start() {
        waiting = true;
        timerDeadline = startedAt + delayMs;
        if (run.events()) {
            run.emit(ExecutionEvent.Type.WAITING, path(), run.data().put("until", Instant.ofEpochMilli(timerDeadline).toString()));
        }
        timer = run.schedule(delayMs, () -> {
            if (done) return;
            waiting = false;
            timerDeadline = 0;
            complete(null, false);
        });
    }

    @Override
    void cancelPending() {
        timer.cancel();
        waiting = false;
    }

    @Override
    void describe(ObjectNode into) {
        into.put("wait_ms", delayMs);
    }
}
