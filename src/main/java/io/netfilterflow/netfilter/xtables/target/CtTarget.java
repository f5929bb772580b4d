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
 * {@code -j CT} in the raw table ({@code xt_CT}): attach a conntrack template before conntrack
 * runs: untracked ({@code --notrack}), a helper, a zone or a timeout policy.
 */
public record CtTarget(boolean notrack, String helper, String timeout, int zone, String zoneDirection)
        implements XtTarget {

    public static final XtExtension<CtTarget> EXTENSION = new XtExtension<>("CT",
            OptionSpec.of("--notrack", 0, "--helper", 1, "--timeout", 1, "--zone", 1, "--zone-orig", 1,
                    "--zone-reply", 1, "--ctevents", 1, "--expevents", 1),
            CtTarget::create);

    private static CtTarget create(ExtensionArgs args) {
        if (args.has("--ctevents") || args.has("--expevents")) {
            throw args.refuse("rules.ct-events-not-supported");
        }
        String direction = "";
        OptionUse zone = args.find("--zone");
        for (String variant : new String[] {"--zone-orig", "--zone-reply"}) {
            OptionUse use = args.find(variant);
            if (use != null) {
                if (zone != null) {
                    throw args.refuse("rules.only-one-of", "--zone, --zone-orig, --zone-reply");
                }
                zone = use;
                direction = variant.substring("--zone".length());
            }
        }
        if (zone != null && zone.arg().equals("mark")) {
            throw args.refuse("rules.not-supported", "--zone mark");
        }
        OptionUse helper = args.find("--helper");
        OptionUse timeout = args.find("--timeout");
        return new CtTarget(args.has("--notrack"), helper == null ? "" : helper.arg(),
                timeout == null ? "" : timeout.arg(),
                zone == null ? 0 : args.value(zone, text -> ExtensionArgs.parseBounded(text, 0, 65535)), direction);
    }

    @Override
    public String name() {
        return "CT";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        if (notrack) {
            out.word("--notrack");
        }
        if (!helper.isEmpty()) {
            out.word("--helper").word(helper);
        }
        if (!timeout.isEmpty()) {
            out.word("--timeout").word(timeout);
        }
        if (zone != 0 || !zoneDirection.isEmpty()) {
            out.word("--zone" + zoneDirection).word(Integer.toString(zone));
        }
    }

    /** libxt_CT's print: {@code CT}, then notrack, helper, the zone and the timeout policy. */
    @Override
    public void list(ListWriter out) {
        StringBuilder text = new StringBuilder("CT");
        if (notrack) {
            text.append(" notrack");
        }
        if (!helper.isEmpty()) {
            text.append(" helper ").append(helper);
        }
        if (zone != 0 || !zoneDirection.isEmpty()) {
            text.append(" zone").append(zoneDirection).append(' ').append(zone);
        }
        if (!timeout.isEmpty()) {
            text.append(" timeout ").append(timeout);
        }
        out.text(text.toString());
    }

    /** {@code xt_ct_target}: {@code --notrack} untracks; a template's helper, zone and timeout are shown only. */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        if (notrack) {
            par.untrack();
            return TargetVerdict.goOn(Reason.of(ReasonCode.NOTRACK));
        }
        return TargetVerdict.goOn(Reason.of(ReasonCode.CT_TEMPLATE));
    }
}
