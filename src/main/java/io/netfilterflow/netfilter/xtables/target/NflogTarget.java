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
 * {@code -j NFLOG}: hands a copy to a userspace logger and lets the packet go on ({@code xt_NFLOG}).
 * {@code copyLength} is -1 unless {@code --nflog-size} was given; {@code --nflog-range} never took
 * effect in the kernel, so iptables 1.8 accepts it and keeps nothing of it, and so does this.
 */
public record NflogTarget(int group, String prefix, long copyLength, int threshold) implements XtTarget {

    private static final int DEFAULT_THRESHOLD = 1;

    public static final XtExtension<NflogTarget> EXTENSION = new XtExtension<>("NFLOG",
            OptionSpec.of("--nflog-group", 1, "--nflog-prefix", 1, "--nflog-range", 1, "--nflog-size", 1,
                    "--nflog-threshold", 1),
            NflogTarget::create);

    private static NflogTarget create(ExtensionArgs args) {
        OptionUse size = args.find("--nflog-size");
        OptionUse range = args.find("--nflog-range");
        if (range != null) {
            args.value(range, ExtensionArgs::parseUnsigned32); // still checked, as iptables checks it
        }
        OptionUse prefix = args.find("--nflog-prefix");
        if (prefix != null && prefix.arg().length() > 63) {
            throw args.refuse("rules.longer-than", "--nflog-prefix", 63);
        }
        return new NflogTarget(number(args, "--nflog-group", 0, 65535, 0), prefix == null ? "" : prefix.arg(),
                size == null ? -1 : args.value(size, ExtensionArgs::parseUnsigned32),
                number(args, "--nflog-threshold", 1, 65535, DEFAULT_THRESHOLD));
    }

    private static int number(ExtensionArgs args, String name, int min, int max, int fallback) {
        OptionUse use = args.find(name);
        return use == null ? fallback : args.value(use, text -> ExtensionArgs.parseBounded(text, min, max));
    }

    @Override
    public String name() {
        return "NFLOG";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        if (!prefix.isEmpty()) {
            out.word("--nflog-prefix").string(prefix);
        }
        if (group != 0) {
            out.word("--nflog-group").word(Integer.toString(group));
        }
        if (copyLength >= 0) {
            out.word("--nflog-size").word(Long.toString(copyLength));
        }
        if (threshold != DEFAULT_THRESHOLD) {
            out.word("--nflog-threshold").word(Integer.toString(threshold));
        }
    }

    /** libxt_NFLOG's print: its save options without the dashes. */
    @Override
    public void list(ListWriter out) {
        if (!prefix.isEmpty()) {
            out.text("nflog-prefix " + RuleWriter.quote(prefix));
        }
        if (group != 0) {
            out.text("nflog-group " + group);
        }
        if (copyLength >= 0) {
            out.text("nflog-size " + copyLength);
        }
        if (threshold != DEFAULT_THRESHOLD) {
            out.text("nflog-threshold " + threshold);
        }
    }

    /** Shown, not simulated: the packet goes on. */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        return TargetVerdict.goOn(Reason.of(ReasonCode.NFLOG));
    }
}
