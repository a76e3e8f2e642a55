package io.fdl.runtime.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The service's own Prometheus metrics (api.md §10), exported at /q/metrics. Other layers call it:
 * <pre>
 * metrics.executionStarted();
 * metrics.executionFinished("completed", duration);   // completed | failed | cancelled | timeout
 * metrics.nodeFinished("action", duration);           // node kind
 * metrics.toolCall("api", "success");                 // tool type (api|db|flow|mock), outcome
 * </pre>
 * Label values must come from small closed sets (never ids); anything else is normalised to a short
 * lowercase token so a bug cannot explode the series count. Gauges {@code fdl_executions_running},
 * {@code fdl_executions_waiting} and {@code fdl_websocket_connections} read {@link ExecutionGauge} and
 * {@link WebSocketGauge} at scrape time.
 */
@Startup
@ApplicationScoped
public class FdlMetrics {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_.-]{1,32}");

    private final MeterRegistry registry;
    private final Gauges gauges;
    private Counter started;

    public FdlMetrics(MeterRegistry registry, Gauges gauges) {
        this.registry = registry;
        this.gauges = gauges;
    }

    @PostConstruct
    void register() {
        started = Counter.builder("fdl.executions.started").description("Executions started").register(registry);
        Gauge.builder("fdl.executions.running", gauges, Gauges::executionsRunning)
                .description("Executions currently running on this replica").register(registry);
        Gauge.builder("fdl.executions.waiting", gauges, Gauges::executionsWaiting)
                .description("Executions currently waiting (timers) on this replica").register(registry);
        Gauge.builder("fdl.websocket.connections", gauges, Gauges::websocketConnections)
                .description("Open WebSocket connections on this replica").register(registry);
    }

    /** fdl_executions_started_total */
    public void executionStarted() {
        started.increment();
    }

    /** fdl_executions_finished_total{status} and fdl_execution_duration_seconds{status} (histogram). */
    public void executionFinished(String status, Duration duration) {
        String s = label(status);
        Counter.builder("fdl.executions.finished").description("Executions finished, by final status")
                .tag("status", s).register(registry).increment();
        Timer.builder("fdl.execution.duration").description("Execution wall-clock duration")
                .tag("status", s).publishPercentileHistogram().register(registry).record(duration);
    }

    /** fdl_node_duration_seconds{kind} (histogram). */
    public void nodeFinished(String kind, Duration duration) {
        Timer.builder("fdl.node.duration").description("Node execution duration, by node kind")
                .tag("kind", label(kind)).publishPercentileHistogram().register(registry).record(duration);
    }

    /** fdl_tool_calls_total{type,outcome}, e.g. type api|db|flow|mock, outcome success|error|timeout|cancelled. */
    public void toolCall(String type, String outcome) {
        Counter.builder("fdl.tool.calls").description("Tool call attempts, by tool type and outcome")
                .tag("type", label(type)).tag("outcome", label(outcome)).register(registry).increment();
    }

    /** A run this replica took over ({@code source=takeover}) or picked from the queue ({@code source=queue}). */
    public void runResumed(boolean fromQueue) {
        Counter.builder("fdl.runs.resumed").description("Runs claimed and started or resumed by this replica")
                .tag("source", fromQueue ? "queue" : "takeover").register(registry).increment();
    }

    /** A run whose lease this replica lost (another replica took it over, or it was finished elsewhere). */
    public void leaseLost() {
        Counter.builder("fdl.leases.lost").description("Runs stopped here because their lease was lost")
                .register(registry).increment();
    }

    /** One claim round: how long the claim statement took. */
    public void claimed(Duration latency) {
        Timer.builder("fdl.claim.latency").description("Duration of one claim of unowned runs")
                .publishPercentileHistogram().register(registry).record(latency);
    }

    /** Queued (pending, unowned) runs across the cluster, as last seen by this replica. */
    public void queueDepth(java.util.function.Supplier<Number> depth) {
        Gauge.builder("fdl.queue.depth", depth).description("Queued async runs waiting for a replica")
                .register(registry);
    }

    static String label(String value) {
        if (value == null) return "unknown";
        String v = value.toLowerCase(Locale.ROOT);
        return LABEL.matcher(v).matches() ? v : "other";
    }
}
