package io.fdl.runtime.engine;

import io.fdl.runtime.fdl.Block;
import io.fdl.runtime.fdl.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A block (the top-level node map or an each/loop body) turned into arrays once (fdl.md §7.1–7.2):
 * nodes in document order, outgoing edges per node with their jump kinds, predecessor counts,
 * start nodes and terminal nodes.
 */
public final class CompiledBlock {
    private final CompiledNode[] nodes;
    private final int[] predCount;
    private final int[] startNodes;
    private final int[] terminalNodes;
    private final int edgeCount;

    private CompiledBlock(CompiledNode[] nodes, int[] predCount, int[] startNodes, int[] terminalNodes, int edgeCount) {
        this.nodes = nodes;
        this.predCount = predCount;
        this.startNodes = startNodes;
        this.terminalNodes = terminalNodes;
        this.edgeCount = edgeCount;
    }

    public int size() { return nodes.length; }
    public CompiledNode node(int i) { return nodes[i]; }
    /** Number of incoming edges of node i. */
    public int predCount(int i) { return predCount[i]; }
    /** Nodes that no jump of the block targets ({@code fail} included), in document order. */
    public int[] startNodes() { return startNodes; }
    /** Nodes without next/then/else/case, in document order (result candidates at the top level, §11.1). */
    public int[] terminalNodes() { return terminalNodes; }
    public int edgeCount() { return edgeCount; }

    /** Nodes of this block and all nested bodies. */
    public int deepSize() {
        int n = nodes.length;
        for (CompiledNode c : nodes) if (c.body() != null) n += c.body().deepSize();
        return n;
    }

    /**
     * Compiles a validated block. Jumps must name nodes of this block and form a DAG; save-time
     * validation guarantees both, this re-checks cheaply and throws {@link IllegalArgumentException}
     * so a definition that slipped through can never hang a run.
     */
    public static CompiledBlock compile(Block block) {
        List<Node> defs = block.nodes();
        int n = defs.size();
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (idx.put(defs.get(i).id(), i) != null) throw new IllegalArgumentException("duplicate node id " + defs.get(i).id());
        }
        CompiledNode[] nodes = new CompiledNode[n];
        int[] pred = new int[n];
        int edgeBase = 0;
        for (int i = 0; i < n; i++) {
            Node d = defs.get(i);
            int[] next = resolve(d.next(), idx, d.id());
            int[] then = new int[0];
            int[] orElse = new int[0];
            int[][] cases = new int[0][];
            CompiledBlock body = null;
            if (d instanceof Node.Condition c) {
                then = resolve(c.then(), idx, d.id());
                orElse = resolve(c.elseTargets(), idx, d.id());
            } else if (d instanceof Node.Case c) {
                cases = new int[c.entries().size()][];
                for (int k = 0; k < cases.length; k++) cases[k] = resolve(c.entries().get(k).then(), idx, d.id());
                orElse = resolve(c.elseTargets(), idx, d.id());
            } else if (d instanceof Node.Each e) {
                body = compile(e.body());
            } else if (d instanceof Node.Loop l) {
                body = compile(l.body());
            }
            int[] fail = resolve(d.fail(), idx, d.id());
            Set<Integer> succ = new LinkedHashSet<>();
            for (int t : next) succ.add(t);
            for (int t : then) succ.add(t);
            for (int t : orElse) succ.add(t);
            for (int[] c : cases) for (int t : c) succ.add(t);
            for (int t : fail) succ.add(t);
            int[] s = succ.stream().mapToInt(Integer::intValue).toArray();
            for (int t : s) pred[t]++;
            nodes[i] = new CompiledNode(d, i, next, then, orElse, cases, fail, s, edgeBase, body);
            edgeBase += s.length;
        }
        checkAcyclic(nodes);
        int[] start = IntStream.range(0, n).filter(i -> pred[i] == 0).toArray();
        int[] terminal = IntStream.range(0, n).filter(i -> nodes[i].terminal()).toArray();
        return new CompiledBlock(nodes, pred, start, terminal, edgeBase);
    }

    private static int[] resolve(List<String> ids, Map<String, Integer> idx, String from) {
        if (ids == null || ids.isEmpty()) return new int[0];
        int[] r = new int[ids.size()];
        for (int i = 0; i < r.length; i++) {
            Integer t = idx.get(ids.get(i));
            if (t == null) throw new IllegalArgumentException("node " + from + " jumps to " + ids.get(i) + ", which is not in its block");
            r[i] = t;
        }
        return r;
    }

    private static void checkAcyclic(CompiledNode[] nodes) {
        int[] indeg = new int[nodes.length];
        for (CompiledNode c : nodes) for (int t : c.succ()) indeg[t]++;
        List<Integer> queue = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) if (indeg[i] == 0) queue.add(i);
        int seen = 0;
        while (seen < queue.size()) {
            CompiledNode c = nodes[queue.get(seen++)];
            for (int t : c.succ()) if (--indeg[t] == 0) queue.add(t);
        }
        if (seen != nodes.length) {
            List<String> inCycle = new ArrayList<>();
            for (int i = 0; i < nodes.length; i++) if (indeg[i] > 0) inCycle.add(nodes[i].id());
            throw new IllegalArgumentException("jumps form a cycle among " + inCycle);
        }
    }
}
