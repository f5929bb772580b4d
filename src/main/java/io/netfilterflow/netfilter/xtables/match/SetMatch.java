package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.problem.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code -m set --match-set NAME src,dst}: membership in an ipset ({@code xt_set}). The set's
 * members come from the scenario; each flag says which packet address is looked up per dimension.
 */
public record SetMatch(String setName, List<Dimension> dimensions, boolean inverted,
                       boolean returnNomatch) implements XtMatch {

    /** Which address a dimension of the set is compared with. */
    public enum Dimension { SRC, DST }

    /** {@code IPSET_DIM_MAX}. */
    private static final int MAX_DIMENSIONS = 6;

    public static final XtExtension<SetMatch> EXTENSION = new XtExtension<>("set",
            OptionSpec.of("--match-set", 2, "--return-nomatch", 0),
            SetMatch::create);

    public SetMatch {
        dimensions = List.copyOf(dimensions);
    }

    private static SetMatch create(ExtensionArgs args) {
        OptionUse use = args.require("--match-set");
        args.notInvertible("--return-nomatch");
        List<Dimension> dims = new ArrayList<>();
        for (String flag : use.args().get(1).split(",", -1)) {
            dims.add(args.convert(flag, "--match-set", text -> switch (text.toLowerCase(Locale.ROOT)) {
                case "src" -> Dimension.SRC;
                case "dst" -> Dimension.DST;
                default -> throw new InvalidValue("rules.not-src-or-dst", text);
            }));
        }
        if (dims.size() > MAX_DIMENSIONS) {
            throw args.refuse("rules.set-too-many-flags");
        }
        return new SetMatch(use.arg(), dims, use.inverted(), args.has("--return-nomatch"));
    }

    @Override
    public String name() {
        return "set";
    }

    @Override
    public void save(RuleWriter out) {
        out.option(inverted, "--match-set", setName,
                dimensions.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(",")));
        if (returnNomatch) {
            out.word("--return-nomatch");
        }
    }

    @Override
    public boolean match(XtActionParam par) {
        Packet p = par.packet();
        boolean all = true;
        for (Dimension dimension : dimensions) {
            all &= par.inSet(setName, dimension == Dimension.SRC ? p.src() : p.dst());
        }
        return all != inverted;
    }

    @Override
    public void list(ListWriter out) {
        out.text((inverted ? "! " : "") + "match-set " + setName + " "
                + dimensions.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","))
                + (returnNomatch ? " return-nomatch" : ""));
    }
}
