package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.core.PktType;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.netfilter.bridge.EbtTargetParam;
import io.netfilterflow.netfilter.bridge.EbtTarget;
import io.netfilterflow.netfilter.bridge.EbtVerdict;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;

/** {@code -j redirect}: send the frame to the bridge itself ({@code ebt_redirect}), then a verdict. */
public record EbtRedirectTarget(EbtVerdict then) implements EbtTarget {

    public static final XtExtension<EbtRedirectTarget> EXTENSION = new XtExtension<>("redirect",
            OptionSpec.of("--redirect-target", 1),
            args -> new EbtRedirectTarget(EbtTargetVerdict.read(args, "--redirect-target")));

    @Override
    public String name() {
        return "redirect";
    }

    /** ebtables-nft (1.8.9) leaves a blank where the default verdict would go: {@code -j redirect }. */
    @Override
    public void saveOptions(RuleWriter out) {
        if (then != EbtVerdict.ACCEPT) {
            out.word("--redirect-target").word(then.name());
        } else {
            out.word("");
        }
    }

    /**
     * {@code ebt_redirect_tg}: the frame is addressed to the host, in BROUTING to the port's own MAC (it goes up on
     * the port), elsewhere to the bridge's; either way it is {@code PACKET_HOST}.
     */
    @Override
    public EbtVerdict target(EbtTargetParam par) {
        MacAddress to = par.brouting() ? par.macOf(par.in()) : par.logicalIn() == null ? null : par.macOf(par.logicalIn());
        if (to != null) {
            par.setDestination(to);
            par.setPktType(PktType.HOST);
            par.note(Reason.of(ReasonCode.EBT_REDIRECT, to));
        }
        return then;
    }
}
