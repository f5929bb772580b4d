package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtActionParam;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.core.PktType;

/** {@code --pkttype-type host|broadcast|multicast|otherhost} ({@code ebt_pkttype}). */
public record EbtPkttypeMatch(Negatable<PktType> type) implements EbtMatch {

    public static final XtExtension<EbtPkttypeMatch> EXTENSION = new XtExtension<>("pkttype",
            OptionSpec.of("--pkttype-type", 1),
            args -> new EbtPkttypeMatch(args.negatable("--pkttype-type", PktType::parse)));

    @Override
    public String name() {
        return "pkttype";
    }

    @Override
    public void save(RuleWriter out) {
        out.word("--pkttype-type");
        if (type.inverted()) {
            out.word("!");
        }
        out.word(type.value().ebtablesName());
    }

    @Override
    public boolean match(EbtActionParam par) {
        return type.test(type.value() == par.pktType());
    }
}
