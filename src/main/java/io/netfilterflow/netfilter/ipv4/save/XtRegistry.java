package io.netfilterflow.netfilter.ipv4.save;

import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.match.AddrtypeMatch;
import io.netfilterflow.netfilter.xtables.match.CommentMatch;
import io.netfilterflow.netfilter.xtables.match.ConnmarkMatch;
import io.netfilterflow.netfilter.xtables.match.ConntrackMatch;
import io.netfilterflow.netfilter.xtables.match.IcmpMatch;
import io.netfilterflow.netfilter.xtables.match.IprangeMatch;
import io.netfilterflow.netfilter.xtables.match.LengthMatch;
import io.netfilterflow.netfilter.xtables.match.LimitMatch;
import io.netfilterflow.netfilter.xtables.match.MacMatch;
import io.netfilterflow.netfilter.xtables.match.MarkMatch;
import io.netfilterflow.netfilter.xtables.match.MultiportMatch;
import io.netfilterflow.netfilter.xtables.match.OwnerMatch;
import io.netfilterflow.netfilter.xtables.match.PhysdevMatch;
import io.netfilterflow.netfilter.xtables.match.PkttypeMatch;
import io.netfilterflow.netfilter.xtables.match.RecentMatch;
import io.netfilterflow.netfilter.xtables.match.RpfilterMatch;
import io.netfilterflow.netfilter.xtables.match.SctpMatch;
import io.netfilterflow.netfilter.xtables.match.SetMatch;
import io.netfilterflow.netfilter.xtables.match.StateMatch;
import io.netfilterflow.netfilter.xtables.match.StatisticMatch;
import io.netfilterflow.netfilter.xtables.match.TcpMatch;
import io.netfilterflow.netfilter.xtables.match.UdpMatch;
import io.netfilterflow.netfilter.xtables.target.ChecksumTarget;
import io.netfilterflow.netfilter.xtables.target.ConnmarkTarget;
import io.netfilterflow.netfilter.xtables.target.CtTarget;
import io.netfilterflow.netfilter.xtables.target.DnatTarget;
import io.netfilterflow.netfilter.xtables.target.LogTarget;
import io.netfilterflow.netfilter.xtables.target.MarkTarget;
import io.netfilterflow.netfilter.xtables.target.MasqueradeTarget;
import io.netfilterflow.netfilter.xtables.target.NflogTarget;
import io.netfilterflow.netfilter.xtables.target.NfqueueTarget;
import io.netfilterflow.netfilter.xtables.target.NotrackTarget;
import io.netfilterflow.netfilter.xtables.target.RedirectTarget;
import io.netfilterflow.netfilter.xtables.target.RejectTarget;
import io.netfilterflow.netfilter.xtables.target.SnatTarget;
import io.netfilterflow.netfilter.xtables.target.TcpmssTarget;
import io.netfilterflow.netfilter.xtables.target.TraceTarget;
import java.util.Set;

/**
 * The iptables extensions this project models, by the name {@code -m} and {@code -j} take. A switch, not a map
 * filled at start: an extension's class, and the functions it is made of, are loaded only when a rule names it
 * (a dump uses a handful of the 37, and each loaded costs a short command's start time).
 */
public final class XtRegistry {

    /** Real iptables extensions not modelled here, so they are refused by name rather than taken for chains. */
    private static final Set<String> KNOWN_UNSUPPORTED_TARGETS = Set.of(
            "AUDIT", "CLASSIFY", "CLUSTERIP", "CONNSECMARK", "DSCP", "ECN", "HMARK", "IDLETIMER", "LED",
            "NETMAP", "RATEEST", "SECMARK", "SET", "SYNPROXY", "TCPOPTSTRIP", "TEE", "TOS", "TPROXY", "TTL",
            "ULOG", "MIRROR", "SAME", "IPV4OPTSSTRIP", "ROUTE", "TARPIT", "DELUDE", "CHAOS", "XOR", "ACCOUNT",
            "LOGMARK", "DNPT", "SNPT", "HL", "NPT");

    private XtRegistry() {
    }

    public static XtExtension<? extends XtMatch> match(String name) {
        return switch (name) {
            case "tcp" -> TcpMatch.EXTENSION;
            case "udp" -> UdpMatch.EXTENSION;
            case "icmp" -> IcmpMatch.EXTENSION;
            case "sctp" -> SctpMatch.EXTENSION;
            case "multiport" -> MultiportMatch.EXTENSION;
            case "conntrack" -> ConntrackMatch.EXTENSION;
            case "state" -> StateMatch.EXTENSION;
            case "addrtype" -> AddrtypeMatch.EXTENSION;
            case "mark" -> MarkMatch.EXTENSION;
            case "connmark" -> ConnmarkMatch.EXTENSION;
            case "comment" -> CommentMatch.EXTENSION;
            case "mac" -> MacMatch.EXTENSION;
            case "physdev" -> PhysdevMatch.EXTENSION;
            case "limit" -> LimitMatch.EXTENSION;
            case "recent" -> RecentMatch.EXTENSION;
            case "owner" -> OwnerMatch.EXTENSION;
            case "set" -> SetMatch.EXTENSION;
            case "statistic" -> StatisticMatch.EXTENSION;
            case "rpfilter" -> RpfilterMatch.EXTENSION;
            case "iprange" -> IprangeMatch.EXTENSION;
            case "pkttype" -> PkttypeMatch.EXTENSION;
            case "length" -> LengthMatch.EXTENSION;
            default -> null;
        };
    }

    public static XtExtension<? extends XtTarget> target(String name) {
        return switch (name) {
            case "REJECT" -> RejectTarget.EXTENSION;
            case "LOG" -> LogTarget.EXTENSION;
            case "NFLOG" -> NflogTarget.EXTENSION;
            case "MARK" -> MarkTarget.EXTENSION;
            case "CONNMARK" -> ConnmarkTarget.EXTENSION;
            case "CT" -> CtTarget.EXTENSION;
            case "NOTRACK" -> NotrackTarget.EXTENSION;
            case "DNAT" -> DnatTarget.EXTENSION;
            case "SNAT" -> SnatTarget.EXTENSION;
            case "MASQUERADE" -> MasqueradeTarget.EXTENSION;
            case "REDIRECT" -> RedirectTarget.EXTENSION;
            case "CHECKSUM" -> ChecksumTarget.EXTENSION;
            case "TCPMSS" -> TcpmssTarget.EXTENSION;
            case "NFQUEUE" -> NfqueueTarget.EXTENSION;
            case "TRACE" -> TraceTarget.EXTENSION;
            default -> null;
        };
    }

    public static boolean isKnownUnsupportedTarget(String name) {
        return KNOWN_UNSUPPORTED_TARGETS.contains(name);
    }
}
