package io.netfilterflow.simulation;

import io.netfilterflow.host.NetDevice;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.Verdict;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.nat.NatManip;
import io.netfilterflow.netfilter.nat.NfNat;
import io.netfilterflow.netfilter.xtables.XtEvaluationException;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.target.ChecksumTarget;
import io.netfilterflow.netfilter.xtables.target.ConnmarkTarget;
import io.netfilterflow.netfilter.xtables.target.CtTarget;
import io.netfilterflow.netfilter.xtables.target.DnatTarget;
import io.netfilterflow.netfilter.xtables.target.LogTarget;
import io.netfilterflow.netfilter.xtables.target.MarkTarget;
import io.netfilterflow.netfilter.xtables.target.MasqueradeTarget;
import io.netfilterflow.netfilter.xtables.target.NatTarget;
import io.netfilterflow.netfilter.xtables.target.NflogTarget;
import io.netfilterflow.netfilter.xtables.target.NfqueueTarget;
import io.netfilterflow.netfilter.xtables.target.NotrackTarget;
import io.netfilterflow.netfilter.xtables.target.RedirectTarget;
import io.netfilterflow.netfilter.xtables.target.RejectTarget;
import io.netfilterflow.netfilter.xtables.target.SnatTarget;
import io.netfilterflow.netfilter.xtables.target.StandardTarget;
import io.netfilterflow.netfilter.xtables.target.TcpmssTarget;
import io.netfilterflow.netfilter.xtables.target.TraceTarget;
import io.netfilterflow.netfilter.nat.NatRange;

/**
 * What each iptables target does to the packet ({@code xt_target->target}): a verdict that ends the
 * chain, or a change (mark, connection, NAT binding) after which the packet goes on.
 */
final class IptTargets {

    /** A verdict (null: go on with the next rule), the conformance verdict word, and why. */
    record Outcome(Verdict verdict, String line, String why) {
    }

    private final SimContext sim;
    private final Rejects rejects;

    IptTargets(SimContext sim) {
        this.sim = sim;
        this.rejects = new Rejects(sim);
    }

    Outcome apply(XtTarget target, IptTableName table, NfHook hook, Skb skb, String in, String out,
                  ActionParams par) {
        if (target == null) {
            return new Outcome(null, "continue", "matched a rule without a target: only its counters change");
        }
        if (target instanceof StandardTarget standard) {
            return switch (standard) {
                case ACCEPT -> new Outcome(Verdict.ACCEPT, "accept", "ACCEPT: this table is done with the packet; "
                        + "the next registered hook looks at it");
                case DROP -> new Outcome(Verdict.DROP, "drop", "DROP: the packet is discarded");
                case QUEUE -> new Outcome(Verdict.QUEUE, "queue", "QUEUE: handed to a userspace program (queue 0)");
                case RETURN -> throw new IllegalStateException("RETURN is handled by the traversal");
            };
        }
        if (target instanceof NatTarget nat) {
            return nat(nat, hook, skb, in, out);
        }
        if (target instanceof RejectTarget reject) {
            return new Outcome(Verdict.DROP, "drop", rejects.reject(reject, hook, skb, in));
        }
        if (target instanceof NfqueueTarget queue) {
            if (queue.bypass()) {
                // nf_queue: no program on the queue and --queue-bypass, so the next hook function runs
                return new Outcome(Verdict.ACCEPT, "queue", "NFQUEUE: no program listens on queue "
                        + queue.firstQueue() + "; with --queue-bypass the packet goes on as if accepted");
            }
            return new Outcome(Verdict.QUEUE, "queue", "NFQUEUE: handed to the userspace program on queue "
                    + queue.firstQueue() + " (the kernel drops it when none listens)");
        }
        if (target instanceof MarkTarget mark) {
            long before = skb.mark;
            skb.mark = (skb.mark & ~mark.mask() & 0xffff_ffffL) ^ mark.value();
            return goOn("MARK: the packet's mark goes from 0x" + Long.toHexString(before) + " to 0x"
                    + Long.toHexString(skb.mark));
        }
        if (target instanceof ConnmarkTarget connmark) {
            return connmark(connmark, skb);
        }
        if (target instanceof CtTarget ct) {
            if (ct.notrack()) {
                return notrack(skb);
            }
            return goOn("CT: the connection's template is set (helper, zone or timeout are shown, not simulated)");
        }
        if (target instanceof NotrackTarget) {
            return notrack(skb);
        }
        if (target instanceof LogTarget log) {
            return goOn("LOG: written to the kernel log" + (log.prefix() == null ? "" : " with prefix \""
                    + log.prefix() + "\"") + "; the packet goes on");
        }
        if (target instanceof NflogTarget) {
            return goOn("NFLOG: copied to a userspace logger; the packet goes on");
        }
        if (target instanceof TraceTarget) {
            return goOn("TRACE: the kernel traces this packet from here; it goes on");
        }
        if (target instanceof ChecksumTarget) {
            return goOn("CHECKSUM: the checksum is filled in; the packet goes on");
        }
        if (target instanceof TcpmssTarget) {
            return goOn("TCPMSS: a SYN's MSS option is clamped; the packet goes on");
        }
        throw new XtEvaluationException("the target '" + target.name()
                + "' is not modelled, so this rule cannot be evaluated");
    }

    private static Outcome goOn(String why) {
        return new Outcome(null, "continue", why);
    }

    private Outcome notrack(Skb skb) {
        skb.ct = null;
        skb.ctInfo = CtInfo.UNTRACKED;
        skb.ctDone = true;
        return goOn("NOTRACK: the packet is UNTRACKED; conntrack and NAT will leave it alone");
    }

    private Outcome connmark(ConnmarkTarget t, Skb skb) {
        if (skb.ct == null) {
            return goOn("CONNMARK: the packet has no connection; nothing changes");
        }
        long ctmark = skb.ct.mark();
        switch (t.mode()) {
            case SET -> skb.ct.setMark((ctmark & ~t.ctmask() & 0xffff_ffffL) ^ t.ctmark());
            case SAVE -> skb.ct.setMark((ctmark & ~t.ctmask() & 0xffff_ffffL) ^ (skb.mark & t.nfmask()));
            case RESTORE -> skb.mark = (skb.mark & ~t.nfmask() & 0xffff_ffffL) ^ (ctmark & t.ctmask());
        }
        return goOn("CONNMARK " + t.mode().name().toLowerCase(java.util.Locale.ROOT) + ": connection mark 0x"
                + Long.toHexString(skb.ct.mark()) + ", packet mark 0x" + Long.toHexString(skb.mark));
    }

    /** {@code xt_nat}/{@code nf_nat_masquerade}/{@code nf_nat_redirect}: bind the connection's new address. */
    private Outcome nat(NatTarget target, NfHook hook, Skb skb, String in, String out) {
        NatManip manip = NatManip.of(hook);
        Ipv4Address address;
        PortRange ports;
        String note = "";
        String what;
        if (target instanceof DnatTarget dnat) {
            address = dnat.to().hasAddress() ? dnat.to().minAddress() : skb.packet.dst();
            ports = dnat.to().ports();
            note = rangeNote(dnat.to());
            what = "DNAT";
        } else if (target instanceof SnatTarget snat) {
            address = snat.to().hasAddress() ? snat.to().minAddress() : skb.packet.src();
            ports = snat.to().ports();
            note = rangeNote(snat.to());
            what = "SNAT";
        } else if (target instanceof MasqueradeTarget masquerade) {
            NetDevice device = sim.host.device(out);
            Ipv4Address nextHop = skb.route == null ? skb.packet.dst() : skb.route.nextHop(skb.packet.dst());
            address = device == null ? null : device.selectAddress(nextHop);
            if (address == null) {
                return new Outcome(Verdict.DROP, "drop", "MASQUERADE: " + out + " has no address, the packet is dropped");
            }
            ports = masquerade.toPorts();
            what = "MASQUERADE (the address of " + out + ")";
        } else {
            RedirectTarget redirect = (RedirectTarget) target;
            if (hook == NfHook.LOCAL_OUT) {
                address = Ipv4Address.parse("127.0.0.1");
            } else {
                NetDevice device = sim.host.device(in);
                address = device == null || device.addresses().isEmpty() ? null : device.addresses().get(0).address();
                if (address == null) {
                    return new Outcome(Verdict.DROP, "drop", "REDIRECT: " + in + " has no address, the packet is dropped");
                }
            }
            ports = redirect.toPorts();
            what = "REDIRECT (to the host itself)";
        }
        int current = manip == NatManip.SRC ? skb.packet.sport() : skb.packet.dport();
        int port = ports == null || !skb.packet.hasPorts() || ports.contains(current) ? -1 : ports.first();
        NfNat.setup(skb.ct, manip, address, port);
        return new Outcome(Verdict.ACCEPT, "accept", what + ": connection #" + skb.ct.id() + " is bound to "
                + (manip == NatManip.SRC ? "source " : "destination ") + address + (port < 0 ? "" : ":" + port)
                + "; its later packets are rewritten without visiting this chain" + note);
    }

    private static String rangeNote(NatRange range) {
        if (range.hasAddress() && !range.minAddress().equals(range.maxAddress())) {
            return " (the kernel picks an address of " + range + " by a hash of the connection; the first is shown)";
        }
        return "";
    }
}
