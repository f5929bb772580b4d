package io.netfilterflow.netfilter.ipv4.save;

import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.netfilter.ipv4.IpHeaderMatch;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.target.NatTarget;
import io.netfilterflow.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The protocol checks the kernel makes when a rule is loaded ({@code checkentry} of xt_tcpudp,
 * xt_multiport, the NAT targets): a port-based match or a port mapping needs {@code -p} of a
 * protocol with ports, or iptables-restore fails.
 */
final class ProtocolCheck {

    private static final Map<String, Integer> SINGLE = Map.of("tcp", 6, "udp", 17, "icmp", 1, "sctp", 132);
    /** tcp, udp, dccp, sctp, udplite. */
    private static final Set<Integer> WITH_PORTS = Set.of(6, 17, 33, 132, 136);

    private ProtocolCheck() {
    }

    static void check(SourceLine line, IpHeaderMatch header, List<XtMatch> matches, XtTarget target) {
        IpProtocol required = header.requiredProtocol();
        for (int i = 0; i < matches.size(); i++) { // by index: no iterator made for each rule of a dump
            XtMatch match = matches.get(i);
            Integer needed = SINGLE.get(match.name());
            if (needed != null && (required == null || required.number() != needed)) {
                throw new RulesSyntaxException(line, Problem.of("rules.match-needs-protocol", match.name(),
                        new IpProtocol(needed)));
            }
            if (match.name().equals("multiport") && (required == null || !WITH_PORTS.contains(required.number()))) {
                throw new RulesSyntaxException(line, Problem.of("rules.multiport-needs-protocol"));
            }
        }
        if (target instanceof NatTarget nat && nat.mapsPorts()
                && (required == null || !WITH_PORTS.contains(required.number()))) {
            throw new RulesSyntaxException(line, Problem.of("rules.port-mapping-needs-protocol", target.name()));
        }
    }
}
