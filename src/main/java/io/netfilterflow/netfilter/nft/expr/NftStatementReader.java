package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.nat.NatRange;
import io.netfilterflow.netfilter.nft.NftFamily;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.xtables.RateLimit;
import io.netfilterflow.netfilter.xtables.target.DnatTarget;
import io.netfilterflow.netfilter.xtables.target.LogTarget;
import io.netfilterflow.netfilter.xtables.target.MasqueradeTarget;
import io.netfilterflow.netfilter.xtables.target.RedirectTarget;
import io.netfilterflow.netfilter.xtables.target.RejectTarget;
import io.netfilterflow.netfilter.xtables.target.SnatTarget;
import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a rule that act on the packet, as nft prints them: {@code log}, {@code limit}, {@code quota},
 * {@code reject}, and the NAT statements ({@code dnat}, {@code snat}, {@code masquerade}, {@code redirect}), a
 * mapping given as an address or looked up in a map by a key of the packet ({@code dnat to tcp dport map @m}).
 */
final class NftStatementReader {

    private final NftFamily family;
    private final NftSets sets;

    NftStatementReader(NftFamily family, NftSets sets) {
        this.family = family;
        this.sets = sets;
    }

    NftExpr log(NftWords in) {
        String prefix = null;
        int level = LogTarget.DEFAULT_LEVEL;
        while (true) {
            switch (in.peek()) {
                case "prefix" -> {
                    in.next();
                    prefix = NftType.unquote(in.next());
                }
                case "level" -> {
                    in.next();
                    level = List.of("emerg", "alert", "crit", "err", "warn", "notice", "info", "debug")
                            .indexOf(in.next());
                    level = level < 0 ? LogTarget.DEFAULT_LEVEL : level;
                }
                case "group", "snaplen", "queue-threshold" -> {
                    in.next();
                    in.next();
                }
                case "flags" -> {
                    in.next();
                    in.next();
                    while (in.take(",")) {
                        in.next();
                    }
                }
                default -> {
                    return new NftExpr.Action("log", new LogTarget(level, prefix, false, false, false, false, false));
                }
            }
        }
    }

    NftExpr limit(NftWords in, NftRefusals fail) {
        if (!in.take("rate")) {
            throw fail.expected("rate", in.peek());
        }
        boolean over = in.take("over");
        String rate = in.next();
        if (!rate.contains("/")) {
            throw fail.notModelled(Problem.of("rules.nft-byte-rate", "limit rate " + rate + " " + in.peek()));
        }
        long interval;
        try {
            interval = RateLimit.parseInterval(rate);
        } catch (InvalidValue e) {
            throw new RulesSyntaxException(fail.line, e.problem());
        }
        int burst = RateLimit.DEFAULT_BURST;
        if (in.take("burst")) {
            burst = (int) (long) (Long) fail.value(NftType.INTEGER, in.next());
            if (!in.take("packets")) {
                throw fail.notModelled("limit ... burst " + burst + " " + in.peek());
            }
        }
        return new NftExpr.Limit(new RateLimit(interval, burst), over);
    }

    NftExpr quota(NftWords in, NftRefusals fail) {
        boolean over = in.take("over");
        long bytes = bytes(in, fail);
        long used = in.take("used") ? bytes(in, fail) : 0;
        return new NftExpr.Quota(bytes, used, over);
    }

    /** {@code N bytes|kbytes|mbytes|gbytes}, as nft prints a quota (powers of 1024). */
    private static long bytes(NftWords in, NftRefusals fail) {
        long number = (Long) fail.value(NftType.INTEGER, in.next());
        long unit = switch (in.next()) {
            case "bytes" -> 1;
            case "kbytes" -> 1L << 10;
            case "mbytes" -> 1L << 20;
            case "gbytes" -> 1L << 30;
            default -> throw fail.expected("bytes, kbytes, mbytes or gbytes", in.peek());
        };
        return number * unit;
    }

    NftExpr reject(NftWords in, NftRefusals fail) {
        if (family == NftFamily.BRIDGE || family == NftFamily.NETDEV) {
            throw fail.notModelled(Problem.of("rules.nft-in-family", "reject", family.nftName()));
        }
        if (!in.take("with")) {
            return new NftExpr.Action("reject", new RejectTarget(RejectTarget.With.ICMP_PORT_UNREACHABLE));
        }
        String kind = in.next();
        if (kind.equals("tcp")) {
            if (!in.take("reset")) {
                throw fail.expected("reset", in.peek());
            }
            return new NftExpr.Action("reject", new RejectTarget(RejectTarget.With.TCP_RESET));
        }
        if (kind.equals("icmpv6")) {
            return NftIpv6Dependency.reject(family, in, fail);
        }
        if (!kind.equals("icmp") && !kind.equals("icmpx")) {
            throw fail.notModelled("reject with " + kind);
        }
        in.take("type");
        String code = in.next();
        long number = switch (code) {
            case "no-route" -> 0;
            default -> (Long) fail.value(NftType.ICMP_CODE, code);
        };
        for (RejectTarget.With with : RejectTarget.With.values()) {
            if (with.icmpType() == 3 && with.icmpCode() == number) {
                return new NftExpr.Action("reject", new RejectTarget(with));
            }
        }
        throw fail.notModelled("reject with " + kind + " " + code);
    }

    NftExpr nat(String word, NftWords in, NftRefusals fail) {
        if (in.take("ip6")) {
            // an inet table's IPv6 mapping: a rule's nfproto ipv6 keeps IPv4 packets from it; one reaching it is refused
            in.take("to");
            String to = in.next();
            natFlags(in);
            return new NftExpr.Unmodelled(word + " ip6 to " + to);
        }
        if (in.peek().equals("ip")) {
            in.next();
        }
        if (!in.take("to")) {
            throw fail.expected("to", in.peek());
        }
        if (!startsMapping(in.peek())) {
            return natMap(word, in, fail);
        }
        String to = in.next();
        NatRange range;
        try {
            range = NatRange.parse(to);
        } catch (IllegalArgumentException e) {
            throw fail.notModelled(word + " to " + to);
        }
        NatFlags flags = NatFlags.read(in);
        return new NftExpr.Action(word, word.equals("dnat") ? new DnatTarget(range, flags.random(), flags.persistent())
                : new SnatTarget(range, flags.random(), flags.fullyRandom(), flags.persistent()));
    }

    /** A NAT statement's flags, {@code random}, {@code fully-random}, {@code persistent}, joined by commas. */
    private record NatFlags(boolean random, boolean fullyRandom, boolean persistent) {
        static NatFlags read(NftWords in) {
            List<String> flags = natFlags(in);
            return new NatFlags(flags.contains("random"), flags.contains("fully-random"), flags.contains("persistent"));
        }
    }

    /** {@code 172.17.0.3:80}, {@code :8080}: a mapping written out, not a key of the packet to look up. */
    private static boolean startsMapping(String word) {
        return !word.isEmpty() && (Character.isDigit(word.charAt(0)) || word.charAt(0) == ':');
    }

    /** {@code dnat to KEY map { K : ADDRESS [. PORT], ... }} or {@code map @NAME}: the mapping looked up per packet. */
    private NftExpr natMap(String word, NftWords in, NftRefusals fail) {
        String first = in.peek();
        NftSelector key = new NftSelectorReader(in, fail).selector();
        if (key == null || !in.take("map")) {
            throw fail.notModelled(word + " to " + first + " " + in.peek());
        }
        NftElements map = in.peek().startsWith("@")
                ? sets.elements(in.next().substring(1), key.parts(), NftValues.Data.NAT, fail)
                : new NftValues(in, fail).anonymous(key.parts(), NftValues.Data.NAT);
        NatFlags flags = NatFlags.read(in);
        return new NftExpr.NatMap(word, key, map, flags.random(), flags.fullyRandom(), flags.persistent());
    }

    NftExpr masquerade(String word, NftWords in, NftRefusals fail) {
        PortRange ports = null;
        if (in.take("to")) {
            String to = in.next();
            if (!to.startsWith(":")) {
                throw fail.notModelled(word + " to " + to);
            }
            try {
                ports = NatRange.portRange(to.substring(1));
            } catch (IllegalArgumentException e) {
                throw fail.notModelled(word + " to " + to);
            }
        }
        // persistence changes nothing the simulation shows: it maps no port at random
        NatFlags flags = NatFlags.read(in);
        return new NftExpr.Action(word, word.equals("masquerade")
                ? new MasqueradeTarget(ports, flags.random(), flags.fullyRandom())
                : new RedirectTarget(ports, flags.random()));
    }

    private static List<String> natFlags(NftWords in) {
        List<String> flags = new ArrayList<>();
        while (in.peek().equals("random") || in.peek().equals("fully-random") || in.peek().equals("persistent")) {
            flags.add(in.next());
            if (!in.take(",")) {
                break;
            }
        }
        return flags;
    }
}
