package io.netfilterflow.diagram;

/**
 * One box of the flow diagram. {@code kind} says what it stands for ({@code nic}, {@code decision},
 * {@code process}, {@code chain}, {@code conntrack}, {@code br_netfilter}, {@code hook}); {@code col} and
 * {@code row} place it on the diagram's grid, row 0 being the local process and the last row the link layer.
 * A {@code hook} node frames the boxes of one family's hook and spans {@code span} columns. A native nftables
 * base chain names its nft family ({@code inet}), table and {@code chain}; {@code chain} is null for the others,
 * whose base chain is the hook's.
 */
public record DiagramNode(String id, String kind, String label, String family, String hook, String table,
                          Integer priority, String group, int col, int row, int span, String chain) {

    public DiagramNode(String id, String kind, String label, String family, String hook, String table,
                       Integer priority, String group, int col, int row, int span) {
        this(id, kind, label, family, hook, table, priority, group, col, row, span, null);
    }
}
