package io.fdl.runtime.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.engine.port.ToolCall;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.engine.port.ToolInvoker;
import io.fdl.runtime.tools.db.DbToolHandler;
import io.fdl.runtime.tools.flow.FlowToolHandler;
import io.fdl.runtime.tools.http.HttpToolHandler;
import io.fdl.runtime.health.FdlMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;


/**
 * The engine's {@link ToolInvoker}: dispatches one attempt by URI type to api://, db:// or flow://
 * and counts it in {@code fdl_tool_calls_total{type,outcome}} (outcome: success, error, timeout, cancelled).
 * Any failure that is not already a {@link ToolException} becomes one, so the engine always sees a
 * stable code.
 */
@ApplicationScoped
public class FdlToolInvoker implements ToolInvoker {

    private final HttpToolHandler http;
    private final DbToolHandler db;
    private final Instance<FlowToolHandler> flow;
    private final StoreToolRegistry registry;
    private final FdlMetrics metrics;

    @Inject
    public FdlToolInvoker(HttpToolHandler http, DbToolHandler db, Instance<FlowToolHandler> flow,
                          StoreToolRegistry registry, FdlMetrics metrics) {
        this.http = http;
        this.db = db;
        this.flow = flow;
        this.registry = registry;
        this.metrics = metrics;
    }

    @Override
    public Uni<JsonNode> invoke(ToolCall call) {
        Uni<JsonNode> attempt;
        try {
            attempt = switch (call.type()) {
                case "api" -> http.invoke(call, usesBuiltInDefault(call));
                case "db" -> db.invoke(call, usesBuiltInDefault(call));
                case "flow" -> flow.isResolvable() ? flow.get().invoke(call)
                        : Uni.createFrom().failure(new ToolException("NOT_FOUND_TOOL", "flow:// is not available in this deployment"));
                default -> Uni.createFrom().failure(new ToolException("NOT_FOUND_TOOL", "no tool type '" + call.type() + "' is registered"));
            };
        } catch (ToolException e) {
            attempt = Uni.createFrom().failure(e);
        }
        String type = call.type();
        return attempt
                .onFailure(t -> !(t instanceof ToolException))
                .transform(t -> new ToolException("CONNECTION_ERROR", "tool call failed: " + t.getClass().getSimpleName()
                        + (t.getMessage() == null ? "" : ": " + t.getMessage())))
                .onItemOrFailure().invoke((item, failure) -> count(type, failure == null ? "success"
                        : "TIMEOUT".equals(((ToolException) failure).code()) ? "timeout" : "error"))
                .onCancellation().invoke(() -> count(type, "cancelled"));
    }

    /**
     * Per-attempt default: the registration's {@code timeout_ms} when it is cached, else the
     * built-in default (fdl.md §9.3). {@link #invoke} applies the registration's value when the
     * engine could not know it yet (see {@link #usesBuiltInDefault}).
     */
    @Override
    public long defaultTimeoutMs(ToolCall call) {
        if ("api".equals(call.type()) || "db".equals(call.type())) {
            Long cached = registry.cachedTimeoutMs(call.type(), call.caller().tenantId(), call.service());
            if (cached != null) return cached;
        }
        return ToolInvoker.super.defaultTimeoutMs(call);
    }

    /**
     * True when the attempt carries exactly the built-in default timeout: that is what the engine
     * uses when the URI has no {@code timeout} and the registration was not cached yet, so the
     * handler then applies the registration's {@code timeout_ms} itself. (A URI that spells out
     * the built-in default gets the registration's value too: the one ambiguity of this scheme.)
     */
    static boolean usesBuiltInDefault(ToolCall call) {
        return call.timeoutMs() == (call.type().equals("db") ? DatasourceConfig.DEFAULT_TIMEOUT_MS : ApiServiceConfig.DEFAULT_TIMEOUT_MS);
    }

    private void count(String type, String outcome) {
        metrics.toolCall(switch (type) {
            case "api", "db", "flow" -> type;
            default -> "other"; // bounded label values
        }, outcome);
    }
}
