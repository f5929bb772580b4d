package io.netfilterflow.netfilter.bridge.save;

import io.netfilterflow.net.EtherType;
import io.netfilterflow.netfilter.bridge.EbtEntry;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.bridge.EbtProtocol;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.SourceLine;
import java.util.List;

/** The ethertype a frame must have for a match on its payload, as each ebt_* check demands. */
final class ProtocolRequirement {
    private ProtocolRequirement() {
    }

    static void check(SourceLine line, EbtEntry entry, List<EbtMatch> matches) {
        EbtProtocol proto = entry.protocol() == null || entry.protocol().inverted() ? null
                : entry.protocol().value();
        for (EbtMatch match : matches) {
            String needed = switch (match.name()) {
                case "ip" -> is(proto, EtherType.IPV4) ? null : "IPv4";
                case "ip6" -> is(proto, EtherType.IPV6) ? null : "IPv6";
                case "arp" -> is(proto, EtherType.ARP) || is(proto, new EtherType(0x8035)) ? null : "ARP or RARP";
                case "vlan" -> is(proto, EtherType.VLAN) ? null : "802_1Q";
                case "802_3" -> proto != null && proto.length() ? null : "Length";
                default -> null;
            };
            if (needed != null) {
                throw new RulesSyntaxException(line, "the " + match.name()
                        + " match needs the protocol given as -p " + needed);
            }
        }
    }

    private static boolean is(EbtProtocol proto, EtherType type) {
        return proto != null && !proto.length() && proto.etherType().equals(type);
    }
}
