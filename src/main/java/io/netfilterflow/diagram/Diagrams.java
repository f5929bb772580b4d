package io.netfilterflow.diagram;

import io.netfilterflow.host.Host;
import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.netfilter.HookFn;
import io.netfilterflow.netfilter.HookOps;
import io.netfilterflow.netfilter.HookRegistry;
import io.netfilterflow.netfilter.nft.NftTable;
import io.netfilterflow.netfilter.nft.expr.NftProgram;
import io.netfilterflow.netfilter.bridge.EbtTableName;
import io.netfilterflow.netfilter.bridge.save.EbtablesSaveParser;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.NfProto;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Draws the combined diagram from the engine's own {@link HookRegistry}: every table with every base
 * chain registered, so each hook shows its boxes in the priority order the simulation runs them. The
 * layout follows the classic picture: the local process on top, the IPv4 hooks (network layer) in the
 * middle, the bridge and its ebtables chains (link layer) below, the NICs at the sides.
 */
public final class Diagrams {

    private static final int PROCESS = 0;
    private static final int LOCAL = 1;
    private static final int NETWORK = 2;
    private static final int BRIDGE_LOCAL = 3;
    private static final int LINK = 4;

    private final Backend backend;
    private final HookRegistry registry;
    private final List<DiagramNode> nodes = new ArrayList<>();
    private final List<DiagramEdge> edges = new ArrayList<>();

    private Diagrams(Backend backend, HookRegistry registry) {
        this.backend = backend;
        this.registry = registry;
    }

    public static Diagram of(Backend backend) {
        return of(backend, NftProgram.EMPTY);
    }

    /** The classic picture, every iptables and ebtables table, with these native base chains in their hooks' frames. */
    public static Diagram of(Backend backend, NftProgram nftables) {
        return new Diagrams(backend, HookRegistry.of(backend, IptablesSaveParser.parse(everyIptablesChain()),
                EbtablesSaveParser.parse(everyEbtablesChain(backend)), nftables, true)).build();
    }

    /**
     * The host as its kernel registers it: only the tables and chains it has, native base chains among them, and
     * conntrack only when a rule needs it. Drawn for hosts with native tables, whose hooks hold what the host loaded.
     */
    public static Diagram of(Host host) {
        return new Diagrams(host.backend(), host.hooks()).build();
    }

    /** What the page draws for a host: the classic picture of its backend, or the host's own with native tables. */
    public static Diagram drawnFor(Host host) {
        return host.nftables().isEmpty() ? of(host.backend()) : of(host);
    }

    private Diagram build() {
        List<String> ipPre = place(NfProto.IPV4, NfHook.PRE_ROUTING, 1, NETWORK);
        int routingCol = 1 + width(ipPre);
        node(NodeIds.ROUTING, "decision", "routing decision", null, routingCol, NETWORK);
        List<String> ipFwd = place(NfProto.IPV4, NfHook.FORWARD, routingCol + 1, NETWORK);
        List<String> ipPost = place(NfProto.IPV4, NfHook.POST_ROUTING, routingCol + 1 + width(ipFwd), NETWORK);
        int lastCol = routingCol + width(ipFwd) + width(ipPost);

        List<String> ipIn = place(NfProto.IPV4, NfHook.LOCAL_IN, 1, LOCAL);
        int processCol = 1 + width(ipIn);
        node(NodeIds.LOCAL_PROCESS, "process", "local process", null, processCol, PROCESS);
        node(NodeIds.OUTPUT_ROUTING, "decision", "routing decision", null, processCol, LOCAL);
        List<String> ipOut = place(NfProto.IPV4, NfHook.LOCAL_OUT, processCol + 1, LOCAL);

        List<String> brPre = registered(NfProto.BRIDGE, NfHook.PRE_ROUTING);
        List<String> brPost = registered(NfProto.BRIDGE, NfHook.POST_ROUTING);
        List<String> brOut = registered(NfProto.BRIDGE, NfHook.LOCAL_OUT);
        node(NodeIds.BRIDGING, "decision", "bridging decision", null, routingCol, LINK);
        place(NfProto.BRIDGE, NfHook.PRE_ROUTING, routingCol - width(brPre), LINK);
        node(NodeIds.BRIDGE_CHECK, "decision", "bridge check", null, Math.max(1, routingCol - width(brPre) - 1), LINK);
        List<String> brFwd = place(NfProto.BRIDGE, NfHook.FORWARD, routingCol + 1, LINK);
        place(NfProto.BRIDGE, NfHook.POST_ROUTING, lastCol - width(brPost) + 1, LINK);
        List<String> brIn = place(NfProto.BRIDGE, NfHook.LOCAL_IN, routingCol, BRIDGE_LOCAL);
        place(NfProto.BRIDGE, NfHook.LOCAL_OUT, lastCol - width(brOut) + 1, BRIDGE_LOCAL);
        node(NodeIds.NIC_IN, "nic", "NIC in", null, 0, BRIDGE_LOCAL);
        node(NodeIds.NIC_OUT, "nic", "NIC out", null, lastCol + 1, BRIDGE_LOCAL);

        // the IPv4 stack; a hook with no registration is passed straight through
        edge(NodeIds.NIC_IN, NodeIds.BRIDGE_CHECK, "path");
        String preroutingOut = pass(NodeIds.BRIDGE_CHECK, ipPre, "path");
        edge(preroutingOut, NodeIds.ROUTING, "path");
        edge(pass(NodeIds.ROUTING, ipIn, "path"), NodeIds.LOCAL_PROCESS, "path");
        String forwardOut = pass(NodeIds.ROUTING, ipFwd, "path");
        edge(NodeIds.LOCAL_PROCESS, NodeIds.OUTPUT_ROUTING, "path");
        String outputOut = pass(NodeIds.OUTPUT_ROUTING, ipOut, "path");
        List<String> postroutingOut = join(List.of(forwardOut, outputOut), ipPost, "path");
        postroutingOut.forEach(out -> edge(out, NodeIds.NIC_OUT, "path"));
        // the bridge
        String bridgePreOut = pass(NodeIds.BRIDGE_CHECK, brPre, "path");
        // a table that routes frames (broute) sends them up to IPv4 on the port itself
        registry.ops(NfProto.BRIDGE, NfHook.PRE_ROUTING).stream().filter(ops -> ops.fn() instanceof HookFn.EbtBroute)
                .forEach(ops -> edge(NodeIds.of(ops), entry(ipPre, NodeIds.ROUTING), "path"));
        edge(bridgePreOut, NodeIds.BRIDGING, "path");
        String bridgeInOut = pass(NodeIds.BRIDGING, brIn, "path");
        edge(bridgeInOut, entry(ipPre, NodeIds.ROUTING), "path");
        edge(bridgeInOut, NodeIds.ROUTING, "path");
        String bridgeForwardOut = pass(NodeIds.BRIDGING, brFwd, "path");
        postroutingOut.forEach(out -> edge(out, NodeIds.BRIDGING, "path"));
        String bridgeOutputOut = pass(NodeIds.BRIDGING, brOut, "path");
        join(List.of(bridgeForwardOut, bridgeOutputOut), brPost, "path").forEach(out -> edge(out, NodeIds.NIC_OUT, "path"));
        // br_netfilter hands bridged packets to the IPv4 hooks and takes them back
        edge(brNetfilter(brPre), entry(ipPre, NodeIds.BRIDGING), "br_netfilter");
        edge(preroutingOut, NodeIds.BRIDGING, "br_netfilter");
        edge(brNetfilter(brFwd), entry(ipFwd, entry(brPost, NodeIds.NIC_OUT)), "br_netfilter");
        edge(forwardOut, entry(brPost, NodeIds.NIC_OUT), "br_netfilter");
        edge(brNetfilter(brPost), entry(ipPost, NodeIds.NIC_OUT), "br_netfilter");
        return new Diagram(backend.label(), lastCol + 2, LINK + 1, nodes, edges);
    }

    /** Columns a hook takes: one per box, and one kept for a hook with none. */
    private static int width(List<String> ids) {
        return Math.max(1, ids.size());
    }

    /** Edges from {@code from} through the hook's boxes in a row; what leaves the hook (its last box, or from). */
    private String pass(String from, List<String> ids, String kind) {
        if (ids.isEmpty()) {
            return from;
        }
        edge(from, ids.get(0), kind);
        run(ids, kind);
        return last(ids);
    }

    /** Edges from each of {@code from} into the hook's boxes; what leaves it. */
    private List<String> join(List<String> from, List<String> ids, String kind) {
        if (ids.isEmpty()) {
            return from;
        }
        from.forEach(source -> edge(source, ids.get(0), kind));
        run(ids, kind);
        return List.of(last(ids));
    }

    private static String entry(List<String> ids, String otherwise) {
        return ids.isEmpty() ? otherwise : ids.get(0);
    }

    /** Boxes for one hook's registrations in priority order, framed by a hook node; returns their ids. */
    private List<String> place(NfProto pf, NfHook hook, int col, int row) {
        List<String> ids = new ArrayList<>();
        String group = NodeIds.hook(pf.family(), hook.chain());
        for (HookOps ops : registry.ops(pf, hook)) {
            String id = NodeIds.of(ops);
            if (ops.fn() instanceof HookFn.NftBaseChain chain) {
                nftNode(id, chain.table(), chain.name(), hook, ops.priority(), col + ids.size(), row, group);
                ids.add(id);
            } else if (id != null) {
                String kind = kind(ops);
                // the NAT core runs its chains in this order, then rewrites: iptables' nat table is the core's own box
                List<HookFn.NatChain> chains = ops.fn() instanceof HookFn.Nat nat ? nat.chains() : List.of();
                boolean core = false;
                for (HookFn.NatChain chain : chains) {
                    if (chain.isIptables()) {
                        node(id, kind, ops.fn().label(), pf.family(), hook.chain(), ops.fn().label(), ops.priority(),
                                col + ids.size(), row, 1, group);
                        ids.add(id);
                        core = true;
                        continue;
                    }
                    String box = NodeIds.box(chain.table().family().nftName(),
                            chain.table().name() + " " + chain.chain(), hook.chain());
                    nftNode(box, chain.table(), chain.chain(), hook, chain.priority(), col + ids.size(), row, group);
                    ids.add(box);
                }
                if (!core) {
                    // no iptables nat table: the box is the NAT core's own, which rewrites the packets
                    node(id, ops.fn() instanceof HookFn.Nat ? "nat-core" : kind, ops.fn().label(), pf.family(),
                            hook.chain(), ops.fn().label(), ops.priority(), col + ids.size(), row, 1, group);
                    ids.add(id);
                }
            }
        }
        if (!ids.isEmpty()) {
            nodes.add(new DiagramNode(group, "hook", hook.chain(), pf.family(), hook.chain(), null, null, null, col,
                    row, ids.size()));
        }
        return ids;
    }

    /** A native base chain's box: {@code inet filter input} at its priority. */
    private void nftNode(String id, NftTable table, String chain, NfHook hook, int priority, int col, int row,
                         String group) {
        String family = table.family().nftName();
        nodes.add(new DiagramNode(id, "chain", family + " " + table.name() + " " + chain, family, hook.chain(),
                table.name(), priority, group, col, row, 1, chain));
    }

    private List<String> registered(NfProto pf, NfHook hook) {
        return registry.ops(pf, hook).stream().map(NodeIds::of).filter(Objects::nonNull).toList();
    }

    private static String kind(HookOps ops) {
        String label = ops.fn().label();
        if (label.startsWith("conntrack")) {
            return "conntrack";
        }
        return label.equals("br_netfilter") ? "br_netfilter" : "chain";
    }

    private String brNetfilter(List<String> ids) {
        return ids.stream().filter(id -> id.contains(":br_netfilter:")).findFirst().orElseThrow();
    }

    private void node(String id, String kind, String label, String family, int col, int row) {
        node(id, kind, label, family, null, null, null, col, row, 1, null);
    }

    private void node(String id, String kind, String label, String family, String hook, String table,
                      Integer priority, int col, int row) {
        node(id, kind, label, family, hook, table, priority, col, row, 1, null);
    }

    private void node(String id, String kind, String label, String family, String hook, String table,
                      Integer priority, int col, int row, int span, String group) {
        nodes.add(new DiagramNode(id, kind, label, family, hook, table, priority, group, col, row, span));
    }

    private void run(List<String> ids, String kind) {
        for (int i = 1; i < ids.size(); i++) {
            edge(ids.get(i - 1), ids.get(i), kind);
        }
    }

    private void edge(String from, String to, String kind) {
        DiagramEdge edge = new DiagramEdge(from, to, kind);
        if (!from.equals(to) && !edges.contains(edge)) {
            edges.add(edge);
        }
    }

    private static String last(List<String> ids) {
        return ids.get(ids.size() - 1);
    }

    private static String everyIptablesChain() {
        StringBuilder text = new StringBuilder();
        for (IptTableName table : IptTableName.values()) {
            text.append('*').append(table.saveName()).append('\n');
            table.builtinChains().forEach(chain -> text.append(':').append(chain).append(" ACCEPT [0:0]\n"));
            text.append("COMMIT\n");
        }
        return text.toString();
    }

    private static String everyEbtablesChain(Backend backend) {
        StringBuilder text = new StringBuilder();
        for (EbtTableName table : EbtTableName.values()) {
            if (!table.existsOn(backend)) {
                continue;
            }
            text.append('*').append(table.saveName()).append('\n');
            table.builtinChains().forEach(chain -> text.append(':').append(chain).append(" ACCEPT\n"));
        }
        return text.toString();
    }
}
