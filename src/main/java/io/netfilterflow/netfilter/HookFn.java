package io.netfilterflow.netfilter;

import io.netfilterflow.netfilter.bridge.EbtTableName;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.nat.NatManip;
import io.netfilterflow.netfilter.nft.NftTable;
import java.util.List;

/** The function a hook registration calls ({@code nf_hookfn}), one record per kind the kernel registers. */
public sealed interface HookFn {

    /** A short name for diagrams and the text trace. */
    String label();

    /** The chain a table's hook function runs at {@code hook}: the hook's own name, but for broute's BROUTING. */
    default String chain(NfHook hook) {
        return hook.chain();
    }

    /** An iptables table's base chain ({@code ipt_do_table}); nat has its own. */
    record IptTable(IptTableName table) implements HookFn {
        public String label() {
            return table.saveName();
        }
    }

    /**
     * The NAT core ({@code nf_nat_ipv4_fn}, registered once per hook at its fixed priority): it runs the nat
     * chains registered with it ({@code nf_nat_register_fn}: iptables' nat table and native nat chains, by
     * their priority) for a connection's first packet, until one binds; every packet is rewritten.
     */
    record Nat(NatManip manip, List<NatChain> chains) implements HookFn {
        public Nat {
            chains = List.copyOf(chains);
        }

        public String label() {
            return "nat";
        }
    }

    /** A nat chain the NAT core runs: iptables' nat table ({@code table} null) or a native nat base chain. */
    record NatChain(int priority, NftTable table, String chain) {
        public boolean isIptables() {
            return table == null;
        }
    }

    /** A native nftables base chain ({@code nft_do_chain}), named by its table and chain. */
    record NftBaseChain(NftTable table, String name) implements HookFn {
        public String label() {
            return table.name() + " " + name;
        }

        @Override
        public String chain(NfHook hook) {
            return hook.chain();
        }
    }

    /** {@code ipv4_conntrack_in} / {@code ipv4_conntrack_local}. */
    record ConntrackIn() implements HookFn {
        public String label() {
            return "conntrack";
        }
    }

    /** {@code ipv4_confirm}: the connection enters the table. */
    record ConntrackConfirm() implements HookFn {
        public String label() {
            return "conntrack confirm";
        }
    }

    /** An ebtables table's base chain ({@code ebt_do_table}). */
    record EbtTable(EbtTableName table) implements HookFn {
        public String label() {
            return table.saveName();
        }
    }

    /**
     * {@code ebt_broute} ({@code ebt_ops_broute}, bridge PREROUTING at {@code NF_BR_PRI_FIRST}): runs the broute
     * table's BROUTING chain; its DROP means "route this frame": the hook accepts and flags the frame, and the
     * bridge passes it up to IP on the port ({@code nf_hook_bridge_pre} returns {@code RX_HANDLER_PASS}).
     */
    record EbtBroute() implements HookFn {
        public String label() {
            return EbtTableName.BROUTE.saveName();
        }

        @Override
        public String chain(NfHook hook) {
            return EbtTableName.BROUTE.builtinChains().get(0);
        }
    }

    /** {@code br_nf_pre_routing}: IPv4 frames go through iptables PREROUTING with the bridge as device. */
    record BrNfPreRouting() implements HookFn {
        public String label() {
            return "br_netfilter";
        }
    }

    /** {@code br_nf_forward}: bridged IPv4 frames go through iptables FORWARD. */
    record BrNfForward() implements HookFn {
        public String label() {
            return "br_netfilter";
        }
    }

    /** {@code br_nf_post_routing}: bridged IPv4 frames go through iptables POSTROUTING. */
    record BrNfPostRouting() implements HookFn {
        public String label() {
            return "br_netfilter";
        }
    }

    /** {@code ip_sabotage_in}: a frame the bridge passed up skips a second iptables PREROUTING. */
    record IpSabotageIn() implements HookFn {
        public String label() {
            return "br_netfilter guard";
        }
    }
}
