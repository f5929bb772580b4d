package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.problem.Problem;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code -m conntrack} ({@code xt_conntrack}, revision 3): state, original/reply tuple parts,
 * status, expiry and direction of the packet's connection. Absent conditions are null.
 */
public record ConntrackMatch(
        Negatable<Set<CtState>> state, Negatable<IpProtocol> proto,
        Negatable<Ipv4Prefix> origSrc, Negatable<Ipv4Prefix> origDst,
        Negatable<Ipv4Prefix> replSrc, Negatable<Ipv4Prefix> replDst,
        Negatable<PortRange> origSrcPort, Negatable<PortRange> origDstPort,
        Negatable<PortRange> replSrcPort, Negatable<PortRange> replDstPort,
        Negatable<Set<CtStatus>> status, Negatable<PortRange> expire, Direction direction) implements XtMatch {

    /** {@code --ctdir}: which direction of the connection the packet must travel. */
    public enum Direction { ORIGINAL, REPLY }

    public static final XtExtension<ConntrackMatch> EXTENSION = new XtExtension<>("conntrack",
            OptionSpec.of("--ctstate", 1, "--ctproto", 1, "--ctorigsrc", 1, "--ctorigdst", 1,
                    "--ctreplsrc", 1, "--ctrepldst", 1, "--ctorigsrcport", 1, "--ctorigdstport", 1,
                    "--ctreplsrcport", 1, "--ctrepldstport", 1, "--ctstatus", 1, "--ctexpire", 1, "--ctdir", 1),
            ConntrackMatch::create);

    private static ConntrackMatch create(ExtensionArgs args) {
        if (args.uses().isEmpty()) {
            throw args.refuse("rules.conntrack-needs-option");
        }
        args.notInvertible("--ctdir");
        Function<String, PortRange> port = text -> PortRange.parse(text, ':');
        Direction direction = null;
        OptionUse dir = args.find("--ctdir");
        if (dir != null) {
            direction = args.value(dir, text -> switch (text.toUpperCase(java.util.Locale.ROOT)) {
                case "ORIGINAL" -> Direction.ORIGINAL;
                case "REPLY" -> Direction.REPLY;
                default -> throw new InvalidValue("rules.not-original-or-reply", text);
            });
        }
        return new ConntrackMatch(
                args.negatable("--ctstate", text -> Flags.parse(CtState.class, text,
                        item -> Problem.of("rules.unknown-state", item))),
                args.negatable("--ctproto", IpProtocol::parse),
                args.negatable("--ctorigsrc", Ipv4Prefix::parse), args.negatable("--ctorigdst", Ipv4Prefix::parse),
                args.negatable("--ctreplsrc", Ipv4Prefix::parse), args.negatable("--ctrepldst", Ipv4Prefix::parse),
                args.negatable("--ctorigsrcport", port), args.negatable("--ctorigdstport", port),
                args.negatable("--ctreplsrcport", port), args.negatable("--ctrepldstport", port),
                args.negatable("--ctstatus", text -> Flags.parse(CtStatus.class, text,
                        item -> Problem.of("rules.unknown-status", item))),
                args.negatable("--ctexpire", port), direction);
    }


    @Override
    public String name() {
        return "conntrack";
    }

    @Override
    public void save(RuleWriter out) {
        if (state != null) {
            out.option(state.inverted(), "--ctstate", Flags.format(state.value(), CtState.class));
        }
        if (proto != null) {
            out.option(proto.inverted(), "--ctproto", Integer.toString(proto.value().number()));
        }
        address(out, "--ctorigsrc", origSrc);
        address(out, "--ctorigdst", origDst);
        address(out, "--ctreplsrc", replSrc);
        address(out, "--ctrepldst", replDst);
        port(out, "--ctorigsrcport", origSrcPort);
        port(out, "--ctorigdstport", origDstPort);
        port(out, "--ctreplsrcport", replSrcPort);
        port(out, "--ctrepldstport", replDstPort);
        if (status != null) {
            out.option(status.inverted(), "--ctstatus",
                    status.value().isEmpty() ? "NONE" : Flags.format(status.value(), CtStatus.class));
        }
        port(out, "--ctexpire", expire);
        if (direction != null) {
            out.option(false, "--ctdir", direction.name());
        }
    }

    /** {@code xtables_ipmask_to_numeric} leaves a /32 unwritten. */
    private static void address(RuleWriter out, String name, Negatable<Ipv4Prefix> prefix) {
        if (prefix != null) {
            Ipv4Prefix value = prefix.value();
            String text = value.length() == 32 ? value.address().toString() : value.toString();
            out.option(prefix.inverted(), name, text);
        }
    }

    private static void port(RuleWriter out, String name, Negatable<PortRange> range) {
        if (range != null) {
            out.option(range.inverted(), name, range.value().format(':'));
        }
    }

    @Override
    public boolean match(XtActionParam par) {
        return ConntrackTest.matches(this, par);
    }

    /** {@code ctstate RELATED,ESTABLISHED}; the rarer options as saved. */
    @Override
    public void list(ListWriter out) {
        if (state != null) {
            out.text((state.inverted() ? "! " : "") + "ctstate " + Flags.format(state.value(), CtState.class));
        }
        ConntrackMatch rest = new ConntrackMatch(null, proto, origSrc, origDst, replSrc, replDst, origSrcPort,
                origDstPort, replSrcPort, replDstPort, status, expire, direction);
        out.saved(rest::save);
    }
}
