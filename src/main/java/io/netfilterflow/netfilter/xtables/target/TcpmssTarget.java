package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.TargetVerdict;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.XtTargetParam;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;

/**
 * {@code -j TCPMSS}: rewrites the MSS option of SYNs ({@code xt_TCPMSS}). {@code mss} is 0 for
 * {@code --clamp-mss-to-pmtu} ({@code XT_TCPMSS_CLAMP_PMTU}).
 */
public record TcpmssTarget(int mss) implements XtTarget {

    public static final XtExtension<TcpmssTarget> EXTENSION = new XtExtension<>("TCPMSS",
            OptionSpec.of("--set-mss", 1, "--clamp-mss-to-pmtu", 0),
            args -> {
                OptionUse set = args.find("--set-mss");
                if ((set == null) == !args.has("--clamp-mss-to-pmtu")) {
                    throw args.refuse("rules.needs-exactly-one-of", "--set-mss, --clamp-mss-to-pmtu");
                }
                return new TcpmssTarget(set == null ? 0 : args.value(set,
                        text -> ExtensionArgs.parseBounded(text, 1, 65535)));
            });

    public boolean clampToPmtu() {
        return mss == 0;
    }

    @Override
    public String name() {
        return "TCPMSS";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        if (clampToPmtu()) {
            out.word("--clamp-mss-to-pmtu");
        } else {
            out.word("--set-mss").word(Integer.toString(mss));
        }
    }

    @Override
    public void list(ListWriter out) {
        out.text(mss == 0 ? "TCPMSS clamp to PMTU" : "TCPMSS set " + mss);
    }

    /** Shown, not simulated: the packet goes on. */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        return TargetVerdict.goOn(Reason.of(ReasonCode.TCPMSS));
    }
}
