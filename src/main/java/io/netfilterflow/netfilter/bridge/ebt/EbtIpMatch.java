package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.packet.Packet;
import io.netfilterflow.netfilter.bridge.EbtActionParam;
import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.bridge.EbtEntry;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.match.IcmpType;

/** {@code --ip-src --ip-dst --ip-tos --ip-proto --ip-sport --ip-dport --ip-icmp-type} ({@code ebt_ip}). */
public record EbtIpMatch(Negatable<Ipv4Prefix> src, Negatable<Ipv4Prefix> dst, Negatable<Integer> tos,
                         Negatable<IpProtocol> proto, Negatable<PortRange> sport, Negatable<PortRange> dport,
                         Negatable<IcmpType> icmpType) implements EbtMatch {

    public static final XtExtension<EbtIpMatch> EXTENSION = new XtExtension<>("ip",
            OptionSpec.of("--ip-src|--ip-source", 1, "--ip-dst|--ip-destination", 1, "--ip-tos", 1,
                    "--ip-proto|--ip-protocol", 1, "--ip-sport|--ip-source-port", 1,
                    "--ip-dport|--ip-destination-port", 1, "--ip-icmp-type", 1),
            EbtIpMatch::create);

    private static EbtIpMatch create(ExtensionArgs args) {
        Negatable<IpProtocol> proto = args.negatable("--ip-proto", IpProtocol::parse);
        Negatable<PortRange> sport = args.negatable("--ip-sport", text -> PortRange.parse(text, ':'));
        Negatable<PortRange> dport = args.negatable("--ip-dport", text -> PortRange.parse(text, ':'));
        Negatable<IcmpType> icmp = args.negatable("--ip-icmp-type", IcmpType::parse);
        int p = proto == null || proto.inverted() ? -1 : proto.value().number();
        if ((sport != null || dport != null) && p != 6 && p != 17 && p != 33 && p != 132 && p != 136) {
            throw args.refuse("bridge.ports-need-protocol");
        }
        if (icmp != null && p != 1) {
            throw args.refuse("bridge.icmp-type-needs-icmp");
        }
        return new EbtIpMatch(args.negatable("--ip-src", Ipv4Prefix::parse),
                args.negatable("--ip-dst", Ipv4Prefix::parse),
                args.negatable("--ip-tos", text -> ExtensionArgs.parseBounded(text, 0, 255)),
                proto, sport, dport, icmp);
    }

    @Override
    public String name() {
        return "ip";
    }

    @Override
    public void save(RuleWriter out) {
        EbtEntry.ebtOption(out, "--ip-src", EbtArgs.shortPrefix(src));
        EbtEntry.ebtOption(out, "--ip-dst", EbtArgs.shortPrefix(dst));
        EbtEntry.ebtOption(out, "--ip-tos", tos == null ? null
                : Negatable.of(String.format("0x%02X", tos.value()), tos.inverted()));
        EbtEntry.ebtOption(out, "--ip-proto", proto);
        EbtEntry.ebtOption(out, "--ip-sport", sport);
        EbtEntry.ebtOption(out, "--ip-dport", dport);
        EbtEntry.ebtOption(out, "--ip-icmp-type", icmpType == null ? null
                : Negatable.of(icmpType.value().displayName(), icmpType.inverted()));
    }

    @Override
    public boolean match(EbtActionParam par) {
        Packet p = par.frame();
        return (src == null || src.test(src.value().contains(p.src())))
                && (dst == null || dst.test(dst.value().contains(p.dst())))
                && (tos == null || tos.test(tos.value() == 0))
                && (proto == null || proto.test(proto.value().equals(p.proto())))
                && (sport == null || sport.test(p.hasPorts() && sport.value().contains(p.sport())))
                && (dport == null || dport.test(p.hasPorts() && dport.value().contains(p.dport())))
                && (icmpType == null || icmpType.test(p.isIcmp()
                        && icmpType.value().matches(p.icmpType(), p.icmpCode())));
    }
}
