package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.TargetVerdict;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.XtTargetParam;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;

/** {@code -j CHECKSUM --checksum-fill} in mangle ({@code xt_CHECKSUM}); the path is unchanged. */
public record ChecksumTarget() implements XtTarget {

    public static final XtExtension<ChecksumTarget> EXTENSION = new XtExtension<>("CHECKSUM",
            OptionSpec.of("--checksum-fill", 0),
            args -> {
                args.require("--checksum-fill");
                return new ChecksumTarget();
            });

    @Override
    public String name() {
        return "CHECKSUM";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        out.word("--checksum-fill");
    }

    @Override
    public void list(ListWriter out) {
        out.text("CHECKSUM fill");
    }

    /** Shown, not simulated: the packet goes on. */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        return TargetVerdict.goOn(Reason.of(ReasonCode.CHECKSUM));
    }
}
