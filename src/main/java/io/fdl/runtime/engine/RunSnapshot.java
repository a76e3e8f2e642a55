package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Run state as plain JSON (ARCHITECTURE.md principle 3): everything a run needs to continue —
 * inputs, variables, per-block node and edge states, published values, loop counters, running
 * nodes with their pending timer deadlines and attempt numbers. Taken on the run's own context.
 */
final class RunSnapshot {
    private RunSnapshot() {}

    static ObjectNode of(Run run) {
        ObjectNode o = Run.F.objectNode();
        o.put("execution_id", run.id);
        o.put("flow_name", run.flow.name());
        o.put("status", run.status().wire());
        o.put("mocked", run.mocked);
        o.put("started_at", run.startedAt);
        o.put("deadline", run.startedAt + run.timeoutMs);
        o.put("taken_at", run.now());
        o.put("seq", run.seq());
        o.put("progress", run.progress());
        o.set("inputs", run.inputs);
        ObjectNode vars = o.putObject("variables");
        run.top.vars.forEach(vars::set);
        o.put("ready_nodes", run.readyCount());
        if (run.topBlock != null) o.set("top", block(run.topBlock));
        return o;
    }

    static ObjectNode block(BlockRun b) {
        ObjectNode o = Run.F.objectNode();
        o.put("path", b.pathPrefix);
        ArrayNode it = o.putArray("iterations");
        b.iterations.forEach(it::add);
        o.put("active", b.active);
        ObjectNode fixed = o.putObject("scope");
        b.scope.fixed.forEach(fixed::set);
        ArrayNode nodes = o.putArray("nodes");
        for (int i = 0; i < b.block.size(); i++) {
            CompiledNode n = b.block.node(i);
            ObjectNode x = nodes.addObject();
            x.put("id", n.id());
            x.put("kind", n.kindName());
            x.put("state", BlockRun.STATE_NAMES[b.state[i]]);
            var v = b.scope.nodes.get(n.id());
            if (v != null) x.set("value", v);
        }
        ArrayNode edges = o.putArray("edges");
        for (int i = 0; i < b.block.size(); i++) {
            CompiledNode n = b.block.node(i);
            for (int j = 0; j < n.succ().length; j++) {
                ObjectNode e = edges.addObject();
                e.put("from", n.id());
                e.put("to", b.block.node(n.succ()[j]).id());
                byte s = b.edges[n.edgeBase() + j];
                e.put("state", s == BlockRun.EDGE_LIVE ? "live" : s == BlockRun.EDGE_DEAD ? "dead" : "pending");
            }
        }
        ArrayNode running = o.putArray("running");
        for (NodeExec e : b.running) {
            ObjectNode r = running.addObject();
            r.put("id", e.node.id());
            r.put("path", e.indexedPath());
            r.put("started_at", e.startedAt);
            r.put("attempts", e.attempts);
            if (e.timerDeadline > 0) r.put("timer_deadline", e.timerDeadline);
            e.describe(r);
        }
        return o;
    }
}
