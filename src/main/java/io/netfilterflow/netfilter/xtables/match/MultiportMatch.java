package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code -m multiport --sports|--dports|--ports LIST} ({@code xt_multiport}, revision 1). */
public record MultiportMatch(Direction direction, List<PortRange> ports, boolean inverted) implements XtMatch {

    /** Which port of the packet the list is compared with ({@code XT_MULTIPORT_SOURCE/DESTINATION/EITHER}). */
    public enum Direction {
        SOURCE("--sports"), DESTINATION("--dports"), EITHER("--ports");

        private final String option;

        Direction(String option) {
            this.option = option;
        }
    }

    /** {@code XT_MULTI_PORTS}: a range counts as two of the fifteen slots. */
    private static final int MAX_SLOTS = 15;

    public static final XtExtension<MultiportMatch> EXTENSION = new XtExtension<>("multiport",
            OptionSpec.of("--sports|--source-ports", 1, "--dports|--destination-ports", 1, "--ports", 1),
            MultiportMatch::create);

    public MultiportMatch {
        ports = List.copyOf(ports);
    }

    private static MultiportMatch create(ExtensionArgs args) {
        List<OptionUse> uses = args.uses();
        if (uses.size() != 1) {
            throw args.refuse("rules.needs-exactly-one-of", "--sports, --dports, --ports");
        }
        OptionUse use = uses.get(0);
        Direction direction = switch (use.name()) {
            case "--sports" -> Direction.SOURCE;
            case "--dports" -> Direction.DESTINATION;
            default -> Direction.EITHER;
        };
        List<PortRange> ports = new ArrayList<>();
        int slots = 0;
        for (String item : use.arg().split(",", -1)) {
            PortRange range = args.convert(item, use.name(), text -> PortRange.parse(text, ':'));
            ports.add(range);
            slots += range.first() == range.last() ? 1 : 2;
        }
        if (slots > MAX_SLOTS) {
            throw args.refuse("rules.multiport-too-many");
        }
        return new MultiportMatch(direction, ports, use.inverted());
    }

    public boolean matches(int sport, int dport) {
        boolean any = false;
        for (PortRange range : ports) {
            any |= switch (direction) {
                case SOURCE -> range.contains(sport);
                case DESTINATION -> range.contains(dport);
                case EITHER -> range.contains(sport) || range.contains(dport);
            };
        }
        return any != inverted;
    }

    @Override
    public String name() {
        return "multiport";
    }

    @Override
    public void save(RuleWriter out) {
        out.option(inverted, direction.option,
                ports.stream().map(range -> range.format(':')).collect(Collectors.joining(",")));
    }

    @Override
    public boolean match(XtActionParam par) {
        Packet p = par.packet();
        return p.hasPorts() && matches(p.sport(), p.dport());
    }

    /** {@code multiport dports ssh,1000:2000}; inverted, iptables 1.8.9 writes {@code dports  !ssh}. */
    @Override
    public void list(ListWriter out) {
        String list = ports.stream().map(range -> range.first() == range.last() ? out.port(range.first())
                : out.port(range.first()) + ":" + out.port(range.last())).collect(Collectors.joining(","));
        out.text("multiport " + direction.option.substring(2) + (inverted ? "  !" : " ") + list);
    }
}
