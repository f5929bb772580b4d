package io.netfilterflow.netfilter.list;

import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.ipv4.IpHeaderMatch;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.SystemNames;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import java.util.HashMap;
import java.util.Map;

/**
 * One table as {@code iptables -t TABLE -vL} prints it (iptables.c's print_header and print_firewall):
 * counters, target, protocol, interfaces, addresses ({@code anywhere}, names only where
 * {@code /etc/services} has them) and each extension's own words.
 */
public final class IptablesListing {

    private IptablesListing() {
    }

    public static String list(IptTable table, Counted counted, SystemNames names) {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> references = references(table);
        for (IptChain chain : table.chains()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            header(out, chain, references.getOrDefault(chain.name(), 0), counted);
            for (IptRule rule : chain.rules()) {
                rule(out, rule, counted.of(chain.name(), rule.source().number()), names);
            }
        }
        return out.toString();
    }

    private static void header(StringBuilder out, IptChain chain, int references, Counted counted) {
        out.append("Chain ").append(chain.name());
        if (chain.isBuiltin()) {
            Counters policy = counted.of(chain.name(), 0);
            out.append(" (policy ").append(chain.policy().name()).append(' ').append(number(policy.packets(), false))
                    .append("packets, ").append(number(policy.bytes(), false)).append("bytes)\n");
        } else {
            out.append(" (").append(references).append(" references)\n");
        }
        out.append(" pkts bytes target     prot opt in     out     source               destination         \n");
    }

    private static void rule(StringBuilder out, IptRule rule, Counters counters, SystemNames names) {
        IpHeaderMatch ip = rule.header();
        out.append(number(counters.packets(), true)).append(number(counters.bytes(), true));
        out.append(pad(rule.target() == null ? "" : rule.target().listName(), 9)).append(' ');
        out.append(ip.protocol() != null && ip.protocol().inverted() ? '!' : ' ');
        out.append(pad(ip.protocol() == null ? "all" : ip.protocol().value().toString(), 5));
        out.append(ip.fragment() != null && !ip.fragment() ? '!' : '-').append(ip.fragment() != null ? 'f' : '-').append(' ');
        out.append(' ').append(pad(device(ip.inInterface()), 6)).append(' ');
        out.append(pad(device(ip.outInterface()), 6)).append(' ');
        address(out, ip.source(), names);
        address(out, ip.destination(), names);
        if (rule.target() instanceof ChainJump jump && jump.isGoto()) {
            out.append("[goto] ");
        }
        ListWriter extras = new ListWriter(names, false,
                ip.protocol() == null ? null : ip.protocol().value().toString());
        for (XtMatch match : rule.matches()) {
            match.list(extras);
        }
        if (rule.target() != null) {
            rule.target().list(extras);
        }
        out.append(extras).append('\n');
    }

    private static String device(Negatable<?> device) {
        return device == null ? "any" : (device.inverted() ? "!" : "") + device.value();
    }

    /** {@code anywhere}, else the address by name where the machine has one (a host's, then a network's), then the mask. */
    private static void address(StringBuilder out, Negatable<Ipv4Prefix> prefix, SystemNames names) {
        out.append(prefix != null && prefix.inverted() ? '!' : ' ');
        if (prefix == null || prefix.value().mask() == 0) {
            out.append(pad("anywhere", 19)).append(' ');
            return;
        }
        Ipv4Prefix value = prefix.value();
        String address = names.address(Integer.toUnsignedLong(value.address().bits()))
                .orElse(value.address().toString());
        String prefixText = value.toString();
        String mask = value.length() == 32 ? "" : prefixText.substring(prefixText.indexOf('/'));
        out.append(pad(address + mask, 19)).append(' ');
    }

    /** Jumps and gotos to each chain, counted in one pass over the rules (one pass per chain was quadratic). */
    private static Map<String, Integer> references(IptTable table) {
        Map<String, Integer> references = new HashMap<>();
        for (IptChain chain : table.chains()) {
            for (IptRule rule : chain.rules()) {
                if (rule.target() instanceof ChainJump jump) {
                    references.merge(jump.chain(), 1, Integer::sum);
                }
            }
        }
        return references;
    }

    /** xtables_print_num with K/M/G/T: right-aligned in 5 columns in the table, bare in a header. */
    static String number(long value, boolean column) {
        String[] units = {"", "K", "M", "G", "T"};
        long shown = value;
        int unit = 0;
        if (shown > 99999) {
            unit = 1;
            shown = (shown + 500) / 1000;
            while (shown > 9999 && unit < units.length - 1) {
                shown = (shown + 500) / 1000;
                unit++;
            }
        }
        String text = shown + units[unit];
        return (column ? " ".repeat(Math.max(0, 5 - text.length())) + text : text) + ' ';
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
