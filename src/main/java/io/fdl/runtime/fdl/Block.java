package io.fdl.runtime.fdl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A block (fdl.md §1, §7.1): the top-level {@code node} map or an each/loop body, nodes in document
 * order. In a validated model every jump target is a node of the same block and the edges form a DAG.
 */
public record Block(List<Node> nodes) {

    public Block {
        nodes = List.copyOf(nodes);
    }

    /** The node with this id in this block (not nested blocks), or null. */
    public Node node(String id) {
        for (Node n : nodes) if (n.id().equals(id)) return n;
        return null;
    }

    /** Nodes by id, in document order. */
    public Map<String, Node> byId() {
        Map<String, Node> m = new LinkedHashMap<>();
        for (Node n : nodes) m.put(n.id(), n);
        return Collections.unmodifiableMap(m);
    }

    /** Start nodes (§7.2): the nodes no jump of this block targets, in document order. */
    public List<Node> startNodes() {
        Set<String> targeted = new HashSet<>();
        for (Node n : nodes) targeted.addAll(n.targets());
        List<Node> starts = new ArrayList<>();
        for (Node n : nodes) if (!targeted.contains(n.id())) starts.add(n);
        return starts;
    }

    /** Distinct predecessors of every node (sources of edges into it), in document order. */
    public Map<String, List<String>> predecessors() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Node n : nodes) m.put(n.id(), new ArrayList<>());
        for (Node n : nodes) {
            for (String t : n.targets()) {
                List<String> preds = m.get(t);
                if (preds != null && !preds.contains(n.id())) preds.add(n.id());
            }
        }
        return m;
    }
}
