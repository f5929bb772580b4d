package io.netfilterflow.diagram;

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

    private Diagrams(Backend backend, NftProgram nftables) {
        this.backend = backend;
        this.registry = HookRegistry.of(backend, IptablesSaveParser.parse(everyIptablesChain()),
                EbtablesSaveParser.parse(everyEbtablesChain(backend)), nftables, true);
    }

    public static Diagram of(Backend backend) {
        return of(backend, NftProgram.EMPTY);
    }

    /** The diagram with a host's native base chains in their hooks' frames, at their priorities. */
    public static Diagram of(Backend backend, NftProgram nftables) {
        return new Diagrams(backend, nftables).build();
    }

    private Diagram build() {
        List<String> ipPre = place(NfProto.IPV4, NfHook.PRE_ROUTING, 1, NETWORK);
        int routingCol = 1 + ipPre.size();
        node(NodeIds.ROUTING, "decision", "routing decision", null, routingCol, NETWORK);
        List<String> ipFwd = place(NfProto.IPV4, NfHook.FORWARD, routingCol + 1, NETWORK);
        List<String> ipPost = place(NfProto.IPV4, NfHook.POST_ROUTING, routingCol + 1 + ipFwd.size(), NETWORK);
        int lastCol = routingCol + ipFwd.size() + ipPost.size();

        List<String> ipIn = place(NfProto.IPV4, NfHook.LOCAL_IN, 1, LOCAL);
        int processCol = 1 + ipIn.size();
        node(NodeIds.LOCAL_PROCESS, "process", "local process", null, processCol, PROCESS);
        node(NodeIds.OUTPUT_ROUTING, "decision", "routing decision", null, processCol, LOCAL);
        List<String> ipOut = place(NfProto.IPV4, NfHook.LOCAL_OUT, processCol + 1, LOCAL);

        List<String> brPre = registered(NfProto.BRIDGE, NfHook.PRE_ROUTING);
        List<String> brFwd = registered(NfProto.BRIDGE, NfHook.FORWARD);
        List<String> brPost = registered(NfProto.BRIDGE, NfHook.POST_ROUTING);
        List<String> brOut = registered(NfProto.BRIDGE, NfHook.LOCAL_OUT);
        node(NodeIds.BRIDGING, "decision", "bridging decision", null, routingCol, LINK);
        place(NfProto.BRIDGE, NfHook.PRE_ROUTING, routingCol - brPre.size(), LINK);
        node(NodeIds.BRIDGE_CHECK, "decision", "bridge check", null, Math.max(1, routingCol - brPre.size() - 1), LINK);
        place(NfProto.BRIDGE, NfHook.FORWARD, routingCol + 1, LINK);
        place(NfProto.BRIDGE, NfHook.POST_ROUTING, lastCol - brPost.size() + 1, LINK);
        List<String> brIn = place(NfProto.BRIDGE, NfHook.LOCAL_IN, routingCol, BRIDGE_LOCAL);
        place(NfProto.BRIDGE, NfHook.LOCAL_OUT, lastCol - brOut.size() + 1, BRIDGE_LOCAL);
        node(NodeIds.NIC_IN, "nic", "NIC in", null, 0, BRIDGE_LOCAL);
        node(NodeIds.NIC_OUT, "nic", "NIC out", null, lastCol + 1, BRIDGE_LOCAL);

        // the IPv4 stack
        edge(NodeIds.NIC_IN, NodeIds.BRIDGE_CHECK, "path");
        edge(NodeIds.BRIDGE_CHECK, first(ipPre), "path");
        run(ipPre, "path");
        edge(last(ipPre), NodeIds.ROUTING, "path");
        edge(NodeIds.ROUTING, first(ipIn), "path");
        run(ipIn, "path");
        edge(last(ipIn), NodeIds.LOCAL_PROCESS, "path");
        edge(NodeIds.ROUTING, first(ipFwd), "path");
        run(ipFwd, "path");
        edge(last(ipFwd), first(ipPost), "path");
        edge(NodeIds.LOCAL_PROCESS, NodeIds.OUTPUT_ROUTING, "path");
        edge(NodeIds.OUTPUT_ROUTING, first(ipOut), "path");
        run(ipOut, "path");
        edge(last(ipOut), first(ipPost), "path");
        run(ipPost, "path");
        edge(last(ipPost), NodeIds.NIC_OUT, "path");
        // the bridge
        edge(NodeIds.BRIDGE_CHECK, first(brPre), "path");
        run(brPre, "path");
        // a table that routes frames (broute) sends them up to IPv4 on the port itself
        registry.ops(NfProto.BRIDGE, NfHook.PRE_ROUTING).stream().filter(ops -> ops.fn() instanceof HookFn.EbtBroute)
                .forEach(ops -> edge(NodeIds.of(ops), first(ipPre), "path"));
        edge(last(brPre), NodeIds.BRIDGING, "path");
        edge(NodeIds.BRIDGING, first(brIn), "path");
        run(brIn, "path");
        edge(last(brIn), first(ipPre), "path");
        edge(last(brIn), NodeIds.ROUTING, "path");
        edge(NodeIds.BRIDGING, first(brFwd), "path");
        run(brFwd, "path");
        edge(last(brFwd), first(brPost), "path");
        edge(last(ipPost), NodeIds.BRIDGING, "path");
        edge(NodeIds.BRIDGING, first(brOut), "path");
        run(brOut, "path");
        edge(last(brOut), first(brPost), "path");
        run(brPost, "path");
        edge(last(brPost), NodeIds.NIC_OUT, "path");
        // br_netfilter hands bridged packets to the IPv4 hooks and takes them back
        edge(brNetfilter(brPre), first(ipPre), "br_netfilter");
        edge(last(ipPre), NodeIds.BRIDGING, "br_netfilter");
        edge(brNetfilter(brFwd), first(ipFwd), "br_netfilter");
        edge(last(ipFwd), first(brPost), "br_netfilter");
        edge(brNetfilter(brPost), first(ipPost), "br_netfilter");
        return new Diagram(backend.label(), lastCol + 2, LINK + 1, nodes, edges);
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
                    node(id, kind, ops.fn().label(), pf.family(), hook.chain(), ops.fn().label(), ops.priority(),
                            col + ids.size(), row, 1, group);
                    ids.add(id);
                }
            }
        }
        nodes.add(new DiagramNode(group, "hook", hook.chain(), pf.family(), hook.chain(), null, null, null, col,
                row, ids.size()));
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
        edges.add(new DiagramEdge(from, to, kind));
    }

    private static String first(List<String> ids) {
        return ids.get(0);
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
