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
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The iptables extensions this project models, by the name {@code -m} and {@code -j} take. */
public final class XtRegistry {

    private static final Map<String, XtExtension<? extends XtMatch>> MATCHES = index(Stream.of(
            TcpMatch.EXTENSION, UdpMatch.EXTENSION, IcmpMatch.EXTENSION, SctpMatch.EXTENSION,
            MultiportMatch.EXTENSION, ConntrackMatch.EXTENSION, StateMatch.EXTENSION, AddrtypeMatch.EXTENSION,
            MarkMatch.EXTENSION, ConnmarkMatch.EXTENSION, CommentMatch.EXTENSION, MacMatch.EXTENSION,
            PhysdevMatch.EXTENSION, LimitMatch.EXTENSION, RecentMatch.EXTENSION, OwnerMatch.EXTENSION,
            SetMatch.EXTENSION, StatisticMatch.EXTENSION, RpfilterMatch.EXTENSION, IprangeMatch.EXTENSION,
            PkttypeMatch.EXTENSION, LengthMatch.EXTENSION));

    private static final Map<String, XtExtension<? extends XtTarget>> TARGETS = index(Stream.of(
            RejectTarget.EXTENSION, LogTarget.EXTENSION, NflogTarget.EXTENSION, MarkTarget.EXTENSION,
            ConnmarkTarget.EXTENSION, CtTarget.EXTENSION, NotrackTarget.EXTENSION, DnatTarget.EXTENSION,
            SnatTarget.EXTENSION, MasqueradeTarget.EXTENSION, RedirectTarget.EXTENSION, ChecksumTarget.EXTENSION,
            TcpmssTarget.EXTENSION, NfqueueTarget.EXTENSION, TraceTarget.EXTENSION));

    /** Real iptables extensions not modelled here, so they are refused by name rather than taken for chains. */
    private static final Set<String> KNOWN_UNSUPPORTED_TARGETS = Set.of(
            "AUDIT", "CLASSIFY", "CLUSTERIP", "CONNSECMARK", "DSCP", "ECN", "HMARK", "IDLETIMER", "LED",
            "NETMAP", "RATEEST", "SECMARK", "SET", "SYNPROXY", "TCPOPTSTRIP", "TEE", "TOS", "TPROXY", "TTL",
            "ULOG", "MIRROR", "SAME", "IPV4OPTSSTRIP", "ROUTE", "TARPIT", "DELUDE", "CHAOS", "XOR", "ACCOUNT",
            "LOGMARK", "DNPT", "SNPT", "HL", "NPT");

    private XtRegistry() {
    }

    private static <T> Map<String, XtExtension<? extends T>> index(Stream<XtExtension<? extends T>> all) {
        return all.collect(Collectors.toUnmodifiableMap(XtExtension::name, Function.identity()));
    }

    public static XtExtension<? extends XtMatch> match(String name) {
        return MATCHES.get(name);
    }

    public static XtExtension<? extends XtTarget> target(String name) {
        return TARGETS.get(name);
    }

    public static boolean isKnownUnsupportedTarget(String name) {
        return KNOWN_UNSUPPORTED_TARGETS.contains(name);
    }

    public static Set<String> matchNames() {
        return MATCHES.keySet();
    }

    public static Set<String> targetNames() {
        return TARGETS.keySet();
    }
}
