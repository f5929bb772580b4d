package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/** {@code -m udp}: source and destination ports ({@code xt_tcpudp}, {@code udp_mt}). */
public record UdpMatch(Negatable<PortRange> sport, Negatable<PortRange> dport) implements XtMatch {

    public static final XtExtension<UdpMatch> EXTENSION = new XtExtension<>("udp",
            OptionSpec.of("--sport|--source-port", 1, "--dport|--destination-port", 1),
            args -> {
                Ports ports = Ports.read(args);
                return new UdpMatch(ports.source(), ports.destination());
            });

    @Override
    public String name() {
        return "udp";
    }

    @Override
    public void save(RuleWriter out) {
        new Ports(sport, dport).save(out);
    }

    @Override
    public boolean match(XtActionParam par) {
        Packet p = par.packet();
        return p.isUdp() && Ports.matches(sport, p.sport()) && Ports.matches(dport, p.dport());
    }

    @Override
    public void list(ListWriter out) {
        out.text("udp");
        out.ports("spt", sport == null ? null : sport.value(), sport != null && sport.inverted(), "udp");
        out.ports("dpt", dport == null ? null : dport.value(), dport != null && dport.inverted(), "udp");
    }
}
