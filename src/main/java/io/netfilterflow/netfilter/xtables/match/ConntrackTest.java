package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.conntrack.Conntrack;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.netfilter.conntrack.Tuple;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import java.util.EnumSet;
import java.util.Set;

/** {@code conntrack_mt}: each given condition must hold, in the kernel's order. */
final class ConntrackTest {

    private ConntrackTest() {
    }

    static boolean matches(ConntrackMatch m, XtActionParam par) {
        Conntrack ct = par.ct();
        CtInfo info = par.ctInfo();
        if (m.state() != null && !m.state().test(!states(ct, info).isEmpty()
                && m.state().value().stream().anyMatch(states(ct, info)::contains))) {
            return false;
        }
        if (m.direction() != null) {
            if (ct == null || info == CtInfo.UNTRACKED) {
                return false;
            }
            if (info.isReply() != (m.direction() == ConntrackMatch.Direction.REPLY)) {
                return false;
            }
        }
        if (ct == null) {
            // conntrack_mt: without a connection only a state test can pass; any other condition fails
            return m.proto() == null && m.origSrc() == null && m.origDst() == null && m.replSrc() == null
                    && m.replDst() == null && m.origSrcPort() == null && m.origDstPort() == null
                    && m.replSrcPort() == null && m.replDstPort() == null && m.status() == null
                    && m.expire() == null;
        }
        Tuple orig = ct.original();
        Tuple repl = ct.reply();
        return (m.proto() == null || m.proto().test(m.proto().value().equals(orig.proto())))
                && address(m.origSrc(), orig.src()) && address(m.origDst(), orig.dst())
                && address(m.replSrc(), repl.src()) && address(m.replDst(), repl.dst())
                && port(m.origSrcPort(), orig, orig.srcPort()) && port(m.origDstPort(), orig, orig.dstPort())
                && port(m.replSrcPort(), repl, repl.srcPort()) && port(m.replDstPort(), repl, repl.dstPort())
                && (m.status() == null || m.status().test(status(ct).stream().anyMatch(m.status().value()::contains)))
                && (m.expire() == null || m.expire().test(true));
    }

    private static Set<CtState> states(Conntrack ct, CtInfo info) {
        Set<CtState> states = EnumSet.of(CtState.of(info));
        if (ct != null) {
            if (ct.has(Conntrack.Status.SRC_NAT)) {
                states.add(CtState.SNAT);
            }
            if (ct.has(Conntrack.Status.DST_NAT)) {
                states.add(CtState.DNAT);
            }
        }
        return states;
    }

    private static Set<CtStatus> status(Conntrack ct) {
        Set<CtStatus> status = EnumSet.noneOf(CtStatus.class);
        if (ct.has(Conntrack.Status.CONFIRMED)) {
            status.add(CtStatus.CONFIRMED);
        }
        if (ct.has(Conntrack.Status.SEEN_REPLY)) {
            status.add(CtStatus.SEEN_REPLY);
        }
        if (ct.has(Conntrack.Status.ASSURED)) {
            status.add(CtStatus.ASSURED);
        }
        return status;
    }

    private static boolean address(Negatable<Ipv4Prefix> test, Ipv4Address address) {
        return test == null || test.test(test.value().contains(address));
    }

    private static boolean port(Negatable<PortRange> test, Tuple tuple, int port) {
        return test == null || test.test(tuple.hasPorts() && test.value().contains(port));
    }
}
