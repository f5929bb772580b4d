package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.nat.NatManip;
import io.netfilterflow.netfilter.nat.NatRange;
import io.netfilterflow.netfilter.xtables.TargetVerdict;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.XtTargetParam;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonArg;
import io.netfilterflow.trace.ReasonCode;

/** A target of the nat table that binds a connection's mapping on its first packet. */
public interface NatTarget extends XtTarget {

    /** The mapping, or null when it depends on the packet (MASQUERADE without --to-ports). */
    NatRange range();

    /** Ports can only be mapped for protocols with ports; iptables refuses the rule otherwise. */
    default boolean mapsPorts() {
        return range() != null && range().ports() != null;
    }

    /** The address the connection's end is mapped to, or null when the device has none to take. */
    Ipv4Address address(XtTargetParam par);

    /** Why the packet is dropped when {@link #address} has none; only targets that take a device's address. */
    default Reason noAddress(XtTargetParam par) {
        throw new IllegalStateException(name() + " always has an address");
    }

    /** How the trace names the mapping: the target's name, or what it stands for. */
    default ReasonArg shownAs(XtTargetParam par) {
        return new ReasonArg.Value(name());
    }

    /**
     * {@code nf_nat_setup_info} from {@code xt_nat}, {@code nf_nat_masquerade_ipv4} or {@code nf_nat_redirect_ipv4}:
     * the connection's end is bound to the address (and a port of the range when the packet's own is outside
     * it); later packets are rewritten by the binding without visiting the chain.
     */
    @Override
    default TargetVerdict target(XtTargetParam par) {
        NatManip manip = NatManip.of(par.hook());
        Ipv4Address address = address(par);
        if (address == null) {
            return TargetVerdict.drop(noAddress(par));
        }
        var packet = par.packet();
        PortRange ports = range() == null ? null : range().ports();
        int current = manip == NatManip.SRC ? packet.sport() : packet.dport();
        int port = ports == null || !packet.hasPorts() || ports.contains(current) ? -1 : ports.first();
        par.bindNat(manip, address, port);
        NatRange range = range();
        if (range != null && range.hasAddress() && !range.minAddress().equals(range.maxAddress())) {
            // the kernel hashes the connection to pick an address of the range; the simulation shows the first
            par.note(Reason.of(ReasonCode.NAT_RANGE_FIRST, range));
        }
        return TargetVerdict.accept(Reason.of(manip == NatManip.SRC ? ReasonCode.NAT_BOUND_SOURCE
                : ReasonCode.NAT_BOUND_DESTINATION, shownAs(par), par.ct().id(), address + (port < 0 ? "" : ":" + port)));
    }
}
