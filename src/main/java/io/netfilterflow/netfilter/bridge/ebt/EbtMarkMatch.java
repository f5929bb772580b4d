package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtActionParam;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.xtables.MarkMask;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;

/**
 * {@code --mark V[/M]} ({@code ebt_mark_m}): equal under the mask, or with {@code /M} alone,
 * any of the mask's bits set ({@code EBT_MARK_OR}).
 */
public record EbtMarkMatch(MarkMask mark, boolean anyBit, boolean inverted) implements EbtMatch {

    public static final XtExtension<EbtMarkMatch> EXTENSION = new XtExtension<>("mark_m",
            OptionSpec.of("--mark", 1),
            args -> {
                OptionUse use = args.require("--mark");
                if (use.arg().startsWith("/")) {
                    long mask = args.convert(use.arg().substring(1), "--mark", ExtensionArgs::parseUnsigned32);
                    return new EbtMarkMatch(new MarkMask(0, mask), true, use.inverted());
                }
                return new EbtMarkMatch(args.value(use, MarkMask::parse), false, use.inverted());
            });

    public boolean matches(long skbMark) {
        boolean hit = anyBit ? (skbMark & mark.mask()) != 0 : mark.matches(skbMark);
        return hit != inverted;
    }

    @Override
    public String name() {
        return "mark_m";
    }

    @Override
    public void save(RuleWriter out) {
        out.word("--mark");
        if (inverted) {
            out.word("!");
        }
        out.word(anyBit ? "/" + RuleWriter.hex(mark.mask()) : mark.toString());
    }

    @Override
    public boolean match(EbtActionParam par) {
        boolean hit = anyBit ? (par.mark() & mark.mask()) != 0 : mark.matches(par.mark());
        return hit != inverted;
    }
}
