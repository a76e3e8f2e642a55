package io.fdl.runtime.service;

import io.fdl.runtime.engine.CallRecord;
import io.fdl.runtime.engine.ExecutionEvent;
import io.fdl.runtime.engine.NodeRecord;
import io.fdl.runtime.engine.RunOutcome;
import io.fdl.runtime.health.FdlMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Feeds {@link FdlMetrics} (api.md §10) from the run pipeline: starts from the event stream, and
 * the end of a run from its outcome (which carries the duration, and every node's kind and times).
 * Real tool calls are counted by the tools package; mocked attempts are counted here as type mock.
 */
@ApplicationScoped
public class RunMetrics {
    private final FdlMetrics metrics;

    @Inject
    public RunMetrics(FdlMetrics metrics) {
        this.metrics = metrics;
    }

    public void onEvent(ExecutionEvent event) {
        if (event.type() == ExecutionEvent.Type.STARTED) metrics.executionStarted();
    }

    public void onOutcome(RunOutcome outcome) {
        String status = outcome.error() != null && "EXECUTION_TIMEOUT".equals(outcome.error().code())
                ? "timeout" : outcome.status().wire();
        metrics.executionFinished(status, Duration.ofMillis(outcome.durationMs()));
        for (NodeRecord n : outcome.nodes()) {
            if (n.startedAt() != null && n.endedAt() != null) {
                metrics.nodeFinished(n.kind(), Duration.ofMillis(n.endedAt() - n.startedAt()));
            }
        }
        if (outcome.calls() != null) {
            for (CallRecord c : outcome.calls()) metrics.toolCall("mock", c.ok() ? "success" : "error");
        }
    }

    public void onResumed(boolean fromQueue) {
        metrics.runResumed(fromQueue);
    }

    public void onLeaseLost() {
        metrics.leaseLost();
    }
}
