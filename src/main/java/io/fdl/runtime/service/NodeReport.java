package io.fdl.runtime.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.CallRecord;
import io.fdl.runtime.engine.CompiledFlow;
import io.fdl.runtime.engine.ErrorInfo;
import io.fdl.runtime.engine.ExecutionEvent;
import io.fdl.runtime.engine.RunHandle;
import io.fdl.runtime.engine.RunOutcome;
import io.fdl.runtime.fdl.Block;
import io.fdl.runtime.fdl.Node;
import io.fdl.runtime.fdl.NodeIds;
import io.smallrye.mutiny.Uni;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * How a run's nodes appear to clients (editor-json.md §2, §5): the engine works with FDL names;
 * every answer reports the editor's original node ids ({@link NodeIds}) — event {@code node_id},
 * {@code node_results} keys, error {@code node}, {@code current_node(s)} — and each node event
 * carries {@code node_id} (and {@code node_name} when the node has one) inside its {@code data}
 * too, where the editor's progress hook reads it. Applied where a run starts, so the engine,
 * the event log and the WebSocket see one consistent form.
 */
final class NodeReport {
    private final NodeIds ids;
    /** FDL node id → display name, for named nodes */
    private final Map<String, String> names = new HashMap<>();

    private NodeReport(CompiledFlow flow) {
        this.ids = flow.flow().ids();
        collectNames(flow.flow().block());
    }

    static NodeReport of(CompiledFlow flow) {
        return new NodeReport(flow);
    }

    private void collectNames(Block block) {
        for (Node n : block.nodes()) {
            if (n.name() != null && !n.name().isBlank()) names.put(n.id(), n.name());
            if (n instanceof Node.Each e) collectNames(e.body());
            if (n instanceof Node.Loop l) collectNames(l.body());
        }
    }

    /** Rewrites each event before it reaches the pipeline (called on the run's serial context). */
    Consumer<ExecutionEvent> listener(Consumer<ExecutionEvent> next) {
        return e -> next.accept(event(e));
    }

    ExecutionEvent event(ExecutionEvent e) {
        ObjectNode data = e.data();
        if (e.nodeId() == null) {
            if (!ids.isEmpty() && data != null && data.get("error") instanceof ObjectNode err && err.hasNonNull("node")) {
                err.put("node", ids.report(err.get("node").asText()));
            }
            return e;
        }
        String reported = ids.report(e.nodeId());
        if (data != null) {
            data.put("node_id", reported);
            String name = names.get(lastName(e.nodeId()));
            if (name != null) data.put("node_name", name);
        }
        return new ExecutionEvent(e.executionId(), e.seq(), e.type(), reported, data, e.timestamp());
    }

    RunHandle handle(RunHandle h) {
        if (ids.isEmpty()) return h;
        return new RunHandle() {
            @Override public String executionId() { return h.executionId(); }
            @Override public CompletionStage<RunOutcome> outcomeStage() { return h.outcomeStage().thenApply(NodeReport.this::outcome); }
            @Override public boolean cancel() { return h.cancel(); }
            @Override public io.fdl.runtime.engine.RunStatus status() { return h.status(); }
            @Override public ObjectNode inputs() { return h.inputs(); }
            @Override public double progress() { return h.progress(); }
            @Override public List<String> currentNodes() { return h.currentNodes().stream().map(ids::report).toList(); }
            @Override public Uni<ObjectNode> snapshot() { return h.snapshot(); }
            @Override public long wakeAt() { return h.wakeAt(); }
        };
    }

    RunOutcome outcome(RunOutcome o) {
        if (ids.isEmpty()) return o;
        ObjectNode context = o.context();
        if (context != null) {
            ObjectNode renamed = context.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                renamed.set(ids.report(f.getKey()), f.getValue());
            }
            context = renamed;
        }
        ErrorInfo error = o.error() == null ? null : new ErrorInfo(o.error().code(), o.error().message(), ids.report(o.error().node()));
        List<CallRecord> calls = o.calls() == null ? null : o.calls().stream()
                .map(c -> new CallRecord(c.uri(), c.args(), ids.report(c.node()), c.attempt(), c.ok(), c.error(), c.durationMs()))
                .toList();
        return new RunOutcome(o.executionId(), o.status(), o.result(), context, error, calls, o.nodes(), o.nodesTruncated(),
                o.startedAt(), o.durationMs());
    }

    private static String lastName(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        int bracket = last.indexOf('[');
        return bracket < 0 ? last : last.substring(0, bracket);
    }
}
