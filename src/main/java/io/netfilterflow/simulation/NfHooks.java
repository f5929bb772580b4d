package io.netfilterflow.simulation;

import io.netfilterflow.host.NetDevice;
import io.netfilterflow.netfilter.HookFn;
import io.netfilterflow.netfilter.HookOps;
import io.netfilterflow.netfilter.bridge.EbtTableName;
import io.netfilterflow.netfilter.bridge.EbtVerdict;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.netfilter.conntrack.CtLookup;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.NfProto;
import io.netfilterflow.netfilter.core.PktType;
import io.netfilterflow.netfilter.core.Verdict;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.nat.NatManip;
import io.netfilterflow.netfilter.nat.NfNat;
import io.netfilterflow.netfilter.nft.NftChain;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.StepKind;

/**
 * {@code nf_hook_slow}: runs every registration on a hook in priority order until one does not
 * accept. {@code in}/{@code out} are the hook state's devices (bridge ports at bridge hooks).
 */
final class NfHooks {

    private final SimContext sim;
    private final IptTraversal iptables;
    private final EbtTraversal ebtables;
    private final NftTraversal nftables;
    private final BrNetfilter brNetfilter;

    NfHooks(SimContext sim) {
        this.sim = sim;
        this.iptables = new IptTraversal(sim);
        this.ebtables = new EbtTraversal(sim);
        this.nftables = new NftTraversal(sim);
        this.brNetfilter = new BrNetfilter(sim, this);
    }

    Verdict run(NfProto pf, NfHook hook, Skb skb, String in, String out) {
        for (HookOps ops : sim.hooks.ops(pf, hook)) {
            Verdict verdict = call(ops, skb, in, out);
            if (verdict == Verdict.STOP) {
                return Verdict.ACCEPT;
            }
            if (verdict != Verdict.ACCEPT) {
                return verdict;
            }
            if (skb.brouted && pf == NfProto.BRIDGE && hook == NfHook.PRE_ROUTING) {
                // nf_hook_bridge_pre: a brouted frame leaves the bridge at once; no later bridge hook sees it
                return Verdict.ACCEPT;
            }
        }
        return Verdict.ACCEPT;
    }

    private Verdict call(HookOps ops, Skb skb, String in, String out) {
        HookFn fn = ops.fn();
        if (fn instanceof HookFn.IptTable t) {
            return iptables.run(sim.host.iptables().table(t.table()), ops.hook(), ops.priority(), skb, in, out);
        }
        if (fn instanceof HookFn.Nat nat) {
            return nat(nat, ops, skb, in, out);
        }
        if (fn instanceof HookFn.NftBaseChain chain) {
            return nftables(chain, ops, skb, in, out);
        }
        if (fn instanceof HookFn.ConntrackIn) {
            return conntrackIn(ops, skb, in, out);
        }
        if (fn instanceof HookFn.ConntrackConfirm) {
            return confirm(ops, skb, in, out);
        }
        if (fn instanceof HookFn.EbtTable t) {
            return ebtables(t, ops, skb, in, out);
        }
        if (fn instanceof HookFn.EbtBroute) {
            return broute(ops, skb, in);
        }
        if (fn instanceof HookFn.BrNfPreRouting) {
            return brNetfilter.preRouting(skb, in);
        }
        if (fn instanceof HookFn.BrNfForward) {
            return brNetfilter.forward(skb, in, out);
        }
        if (fn instanceof HookFn.BrNfPostRouting) {
            return brNetfilter.postRouting(skb, out);
        }
        return skb.nfBridge && skb.brnfPrerouted ? Verdict.STOP : Verdict.ACCEPT;
    }

    private Verdict ebtables(HookFn.EbtTable t, HookOps ops, Skb skb, String in, String out) {
        var table = sim.host.ebtables().tables().stream().filter(x -> x.name() == t.table()).findFirst().orElseThrow();
        EbtVerdict verdict = ebtables.run(table, ops.hook().chain(), ops.hook(), ops.priority(), skb, in, out,
                bridgeOf(in), bridgeOf(out));
        return verdict == EbtVerdict.DROP ? Verdict.DROP : Verdict.ACCEPT;
    }

    /**
     * {@code ebt_broute}: the broute table's DROP routes the frame. The hook accepts it, flags it, and undoes
     * the bridge's {@code PACKET_HOST} for a frame addressed to the bridge's MAC but not the port's own.
     */
    private Verdict broute(HookOps ops, Skb skb, String in) {
        var table = sim.host.ebtables().tables().stream().filter(x -> x.name() == EbtTableName.BROUTE).findFirst()
                .orElseThrow();
        String bridge = bridgeOf(in);
        EbtVerdict verdict = ebtables.run(table, ops.fn().chain(ops.hook()), ops.hook(), ops.priority(), skb, in, null,
                bridge, null);
        if (verdict != EbtVerdict.DROP) {
            return Verdict.ACCEPT;
        }
        skb.brouted = true;
        var dst = skb.packet.ethDst();
        if (skb.pktType == PktType.HOST && !dst.equals(sim.host.device(in).mac())
                && dst.equals(sim.host.device(bridge).mac())) {
            skb.pktType = PktType.OTHERHOST;
        }
        return Verdict.ACCEPT;
    }

    String bridgeOf(String port) {
        NetDevice device = port == null ? null : sim.host.device(port);
        return device == null ? null : device.master();
    }

    /** {@code ipv4_conntrack_in}/{@code ipv4_conntrack_local}: find or start the packet's connection. */
    private Verdict conntrackIn(HookOps ops, Skb skb, String in, String out) {
        if (skb.ctDone) {
            return Verdict.ACCEPT;
        }
        CtLookup lookup = sim.conntrack.in(skb.packet);
        skb.ct = lookup.ct();
        skb.ctInfo = lookup.info();
        skb.ctDone = true;
        sim.trace.step(skb, StepKind.CONNTRACK, stage(ops), null, in, out, null, lookup.isInvalid()
                ? Reason.of(ReasonCode.CT_INVALID, lookup.reason())
                : Reason.of(ReasonCode.CT_STATE, skb.ctInfo.state(), lookup.reason()));
        return Verdict.ACCEPT;
    }

    /** {@code ipv4_confirm}: a new connection enters the table; reply-direction packets never confirm. */
    private Verdict confirm(HookOps ops, Skb skb, String in, String out) {
        if (skb.ct != null && !skb.ctInfo.isReply() && sim.conntrack.confirm(skb.ct)) {
            sim.trace.step(skb, StepKind.CONNTRACK, stage(ops), null, in, out, null,
                    Reason.of(ReasonCode.CT_CONFIRMED, skb.ct.id(), skb.ct.original(), skb.ct.reply()));
        }
        return Verdict.ACCEPT;
    }

    /** A native base chain; at a bridge hook its devices are the ports, as for ebtables. */
    private Verdict nftables(HookFn.NftBaseChain fn, HookOps ops, Skb skb, String in, String out) {
        NftChain chain = fn.table().chains().stream().filter(c -> c.name().equals(fn.name())).findFirst()
                .orElseThrow();
        boolean bridge = ops.pf() == NfProto.BRIDGE;
        return nftables.run(fn.table(), chain, ops.hook(), skb, in, out, bridge ? bridgeOf(in) : null,
                bridge ? bridgeOf(out) : null);
    }

    /**
     * {@code nf_nat_inet_fn}: the nat chains, by priority, see only a connection's first packet, until one binds
     * (none binding is a null binding); all packets are rewritten.
     */
    private Verdict nat(HookFn.Nat fn, HookOps ops, Skb skb, String in, String out) {
        NatManip manip = fn.manip();
        if (skb.ct == null) {
            return Verdict.ACCEPT;
        }
        CtInfo info = skb.ctInfo;
        Packet before = skb.packet;
        if (info.isRelated() && skb.packet.isIcmp()) {
            skb.packet = NfNat.icmpReply(skb.ct, info, manip, skb.packet);
            natStep(ops, skb, before, in, out, Reason.of(ReasonCode.NAT_ICMP_ERROR, skb.ct.id()));
            return Verdict.ACCEPT;
        }
        if ((info == CtInfo.NEW || info.isRelated()) && !NfNat.initialized(skb.ct, manip)) {
            for (HookFn.NatChain chain : fn.chains()) {
                Verdict verdict = chain.isIptables()
                        ? iptables.run(sim.host.iptables().table(IptTableName.NAT), ops.hook(), ops.priority(), skb,
                                in, out)
                        : nftables.run(chain.table(), chain.table().chains().stream()
                                .filter(c -> c.name().equals(chain.chain())).findFirst().orElseThrow(), ops.hook(),
                                skb, in, out, null, null);
                if (verdict != Verdict.ACCEPT) {
                    return verdict;
                }
                if (NfNat.initialized(skb.ct, manip)) {
                    break;
                }
            }
            if (!NfNat.initialized(skb.ct, manip)) {
                NfNat.nullBinding(skb.ct, manip);
            }
        }
        skb.packet = NfNat.packet(skb.ct, info, manip, skb.packet);
        natStep(ops, skb, before, in, out, info == CtInfo.NEW ? Reason.of(ReasonCode.NAT_NEW_BINDING)
                : Reason.of(info.isReply() ? ReasonCode.NAT_BINDING_REPLY : ReasonCode.NAT_BINDING_PACKET, skb.ct.id()));
        return Verdict.ACCEPT;
    }

    private void natStep(HookOps ops, Skb skb, Packet before, String in, String out, Reason why) {
        if (!before.equals(skb.packet)) {
            sim.trace.step(skb, StepKind.NAT, stage(ops), null, in, out, null,
                    Reason.of(ReasonCode.NAT_REWRITE, before.summary(), skb.packet.summary(), why));
        }
    }

    private static Stage stage(HookOps ops) {
        return new Stage(ops.pf().family(), ops.hook().chain(), ops.priority(), ops.fn().label(), null);
    }
}
