package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/** {@code -m tcp}: ports, flags and an option kind ({@code xt_tcpudp}, {@code tcp_mt}). */
public record TcpMatch(Negatable<PortRange> sport, Negatable<PortRange> dport,
                       Negatable<TcpFlags> flags, Negatable<Integer> option) implements XtMatch {

    public static final XtExtension<TcpMatch> EXTENSION = new XtExtension<>("tcp",
            OptionSpec.of("--sport|--source-port", 1, "--dport|--destination-port", 1,
                    "--tcp-flags", 2, "--syn", 0, "--tcp-option", 1),
            TcpMatch::create);

    private static TcpMatch create(ExtensionArgs args) {
        Ports ports = Ports.read(args);
        Negatable<TcpFlags> flags = null;
        OptionUse tcpFlags = args.find("--tcp-flags");
        OptionUse syn = args.find("--syn");
        if (tcpFlags != null && syn != null) {
            throw args.refuse("rules.cannot-combine", "--syn", "--tcp-flags");
        }
        if (tcpFlags != null) {
            int mask = args.convert(tcpFlags.args().get(0), "--tcp-flags", TcpFlags::parse);
            int comp = args.convert(tcpFlags.args().get(1), "--tcp-flags", TcpFlags::parse);
            flags = Negatable.of(new TcpFlags(mask, comp), tcpFlags.inverted());
        } else if (syn != null) {
            flags = Negatable.of(TcpFlags.SYN_ONLY, syn.inverted());
        }
        OptionUse optionUse = args.find("--tcp-option");
        Negatable<Integer> option = optionUse == null ? null : Negatable.of(
                args.value(optionUse, text -> ExtensionArgs.parseBounded(text, 1, 255)), optionUse.inverted());
        return new TcpMatch(ports.source(), ports.destination(), flags, option);
    }

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public void save(RuleWriter out) {
        new Ports(sport, dport).save(out);
        if (option != null) {
            out.option(option.inverted(), "--tcp-option", option.value().toString());
        }
        if (flags != null) {
            out.option(flags.inverted(), "--tcp-flags",
                    TcpFlags.format(flags.value().mask()), TcpFlags.format(flags.value().comp()));
        }
    }

    @Override
    public boolean match(XtActionParam par) {
        Packet p = par.packet();
        if (!p.isTcp()) {
            return false;
        }
        return Ports.matches(sport, p.sport()) && Ports.matches(dport, p.dport())
                && (flags == null || flags.test(flags.value().matches(p.tcpFlags())))
                && (option == null || option.test(TcpOptions.of(p).contains(option.value())));
    }

    @Override
    public void list(ListWriter out) {
        out.text("tcp");
        out.ports("spt", sport == null ? null : sport.value(), sport != null && sport.inverted(), "tcp");
        out.ports("dpt", dport == null ? null : dport.value(), dport != null && dport.inverted(), "tcp");
        if (option != null) {
            out.text("option=" + (option.inverted() ? "!" : "") + option.value());
        }
        if (flags != null) {
            out.text("flags:" + (flags.inverted() ? "!" : "") + TcpFlags.format(flags.value().mask()) + "/"
                    + TcpFlags.format(flags.value().comp()));
        }
    }
}
