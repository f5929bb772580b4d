package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/** {@code -m sctp}: source and destination ports ({@code xt_sctp}); chunk types are not modelled. */
public record SctpMatch(Negatable<PortRange> sport, Negatable<PortRange> dport) implements XtMatch {

    public static final XtExtension<SctpMatch> EXTENSION = new XtExtension<>("sctp",
            OptionSpec.of("--sport|--source-port", 1, "--dport|--destination-port", 1, "--chunk-types", 2),
            args -> {
                if (args.has("--chunk-types")) {
                    throw args.refuse("rules.not-supported", "--chunk-types");
                }
                Ports ports = Ports.read(args);
                return new SctpMatch(ports.source(), ports.destination());
            });

    @Override
    public String name() {
        return "sctp";
    }

    @Override
    public void save(RuleWriter out) {
        new Ports(sport, dport).save(out);
    }

    @Override
    public boolean match(XtActionParam par) {
        return par.packet().proto().equals(io.netfilterflow.net.IpProtocol.SCTP);
    }

    @Override
    public void list(ListWriter out) {
        out.text("sctp");
        out.ports("spt", sport == null ? null : sport.value(), sport != null && sport.inverted(), "sctp");
        out.ports("dpt", dport == null ? null : dport.value(), dport != null && dport.inverted(), "sctp");
    }
}
