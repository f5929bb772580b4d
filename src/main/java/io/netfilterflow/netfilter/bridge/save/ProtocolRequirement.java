package io.netfilterflow.netfilter.bridge.save;

import io.netfilterflow.net.EtherType;
import io.netfilterflow.netfilter.bridge.EbtEntry;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.bridge.EbtProtocol;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.problem.Problem;
import java.util.List;

/** The ethertype a frame must have for a match on its payload, as each ebt_* check demands. */
final class ProtocolRequirement {
    private ProtocolRequirement() {
    }

    static void check(SourceLine line, EbtEntry entry, List<EbtMatch> matches) {
        EbtProtocol proto = entry.protocol() == null || entry.protocol().inverted() ? null
                : entry.protocol().value();
        for (EbtMatch match : matches) {
            List<String> needed = switch (match.name()) {
                case "ip" -> is(proto, EtherType.IPV4) ? null : List.of("IPv4");
                case "ip6" -> is(proto, EtherType.IPV6) ? null : List.of("IPv6");
                case "arp" -> is(proto, EtherType.ARP) || is(proto, new EtherType(0x8035)) ? null
                        : List.of("ARP", "RARP");
                case "vlan" -> is(proto, EtherType.VLAN) ? null : List.of("802_1Q");
                case "802_3" -> proto != null && proto.length() ? null : List.of("Length");
                default -> null;
            };
            if (needed != null) {
                throw new RulesSyntaxException(line, needed.size() == 1
                        ? Problem.of("bridge.match-needs-protocol", match.name(), needed.get(0))
                        : Problem.of("bridge.match-needs-either-protocol", match.name(), needed.get(0), needed.get(1)));
            }
        }
    }

    private static boolean is(EbtProtocol proto, EtherType type) {
        return proto != null && !proto.length() && proto.etherType().equals(type);
    }
}
