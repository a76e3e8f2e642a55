package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * The deadline is journaled when the wait starts: a resumed run waits only what is left of it
     * (and not at all when it passed while no replica ran the run).
     */
    @Override
    void start() {
        waiting = true;
        String key = "wait:" + indexedPath();
        JsonNode recorded = run.journal.recorded(key);
        if (recorded != null && recorded.path("until").canConvertToLong()) {
            timerDeadline = recorded.path("until").asLong();
        } else {
            timerDeadline = startedAt + delayMs;
            run.journal.record(key, Run.F.objectNode().put("until", timerDeadline));
        }
        if (run.events()) {
            run.emitNode(ExecutionEvent.Type.WAITING, block, node,
                    run.data().put("until", Instant.ofEpochMilli(timerDeadline).toString()));
        }
        timer = run.schedule(Math.max(0, timerDeadline - run.now()), () -> {
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
