package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.RuleWriter;

/** The {@code --sport}/{@code --dport} pair shared by tcp, udp and sctp ({@code xt_tcpudp}). */
record Ports(Negatable<PortRange> source, Negatable<PortRange> destination) {

    static Ports read(ExtensionArgs args) {
        return new Ports(range(args, "--sport"), range(args, "--dport"));
    }

    private static Negatable<PortRange> range(ExtensionArgs args, String name) {
        return args.negatable(name, text -> PortRange.parse(text, ':'));
    }

    static boolean matches(Negatable<PortRange> range, int port) {
        return range == null || range.test(range.value().contains(port));
    }

    void save(RuleWriter out) {
        save(out, "--sport", source);
        save(out, "--dport", destination);
    }

    private static void save(RuleWriter out, String name, Negatable<PortRange> range) {
        if (range != null && (range.inverted() || !range.value().isAll())) {
            out.option(range.inverted(), name, range.value().format(':'));
        }
    }
}
