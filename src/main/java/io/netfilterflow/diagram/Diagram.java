package io.netfilterflow.diagram;

import java.util.List;

/** The combined ebtables+iptables flow diagram for one backend: its boxes on a grid and the edges between them. */
public record Diagram(String backend, int columns, int rows, List<DiagramNode> nodes, List<DiagramEdge> edges) {

    public Diagram {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
