package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtActionParam;
import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.net.Ipv6Prefix;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.bridge.EbtEntry;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;

/**
 * The IPv6 header fields ({@code ebt_ip6}). Kept so IPv6 filters in a dump load; the simulator
 * sends IPv4, which such a rule never matches.
 */
public record EbtIp6Match(Negatable<Ipv6Prefix> src, Negatable<Ipv6Prefix> dst, Negatable<Integer> tclass,
                          Negatable<IpProtocol> proto, Negatable<PortRange> sport, Negatable<PortRange> dport)
        implements EbtMatch {

    public static final XtExtension<EbtIp6Match> EXTENSION = new XtExtension<>("ip6",
            OptionSpec.of("--ip6-src|--ip6-source", 1, "--ip6-dst|--ip6-destination", 1, "--ip6-tclass", 1,
                    "--ip6-proto|--ip6-protocol", 1, "--ip6-sport|--ip6-source-port", 1,
                    "--ip6-dport|--ip6-destination-port", 1, "--ip6-icmp-type", 1),
            args -> {
                if (args.has("--ip6-icmp-type")) {
                    throw args.refuse("bridge.ip6-icmp-type-unsupported");
                }
                return new EbtIp6Match(args.negatable("--ip6-src", Ipv6Prefix::parse),
                        args.negatable("--ip6-dst", Ipv6Prefix::parse),
                        args.negatable("--ip6-tclass", text -> ExtensionArgs.parseBounded(text, 0, 255)),
                        args.negatable("--ip6-proto", IpProtocol::parse),
                        args.negatable("--ip6-sport", text -> PortRange.parse(text, ':')),
                        args.negatable("--ip6-dport", text -> PortRange.parse(text, ':')));
            });

    @Override
    public String name() {
        return "ip6";
    }

    @Override
    public void save(RuleWriter out) {
        EbtEntry.ebtOption(out, "--ip6-src", src);
        EbtEntry.ebtOption(out, "--ip6-dst", dst);
        EbtEntry.ebtOption(out, "--ip6-tclass", tclass == null ? null
                : Negatable.of(String.format("0x%02X", tclass.value()), tclass.inverted()));
        EbtEntry.ebtOption(out, "--ip6-proto", proto);
        EbtEntry.ebtOption(out, "--ip6-sport", sport);
        EbtEntry.ebtOption(out, "--ip6-dport", dport);
    }

    @Override
    public boolean match(EbtActionParam par) {
        return false;
    }
}
