package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.xtables.MarkMask;
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
import java.util.List;

/**
 * {@code -j CONNMARK} ({@code xt_CONNMARK}, revision 1): set the connection's mark, save the
 * packet mark into it, or restore the packet mark from it.
 */
public record ConnmarkTarget(Mode mode, long ctmark, long ctmask, long nfmask) implements XtTarget {

    /** {@code XT_CONNMARK_SET/SAVE/RESTORE}. */
    public enum Mode { SET, SAVE, RESTORE }

    public static final XtExtension<ConnmarkTarget> EXTENSION = new XtExtension<>("CONNMARK",
            OptionSpec.of("--set-xmark", 1, "--set-mark", 1, "--and-mark", 1, "--or-mark", 1, "--xor-mark", 1,
                    "--save-mark", 0, "--restore-mark", 0, "--nfmask", 1, "--ctmask", 1, "--mask", 1),
            ConnmarkTarget::create);

    private static final List<String> SETTERS =
            List.of("--set-xmark", "--set-mark", "--and-mark", "--or-mark", "--xor-mark");

    private static ConnmarkTarget create(ExtensionArgs args) {
        List<OptionUse> setters = args.uses().stream().filter(u -> SETTERS.contains(u.name())).toList();
        int modes = setters.size() + (args.has("--save-mark") ? 1 : 0) + (args.has("--restore-mark") ? 1 : 0);
        if (modes != 1) {
            throw args.refuse("rules.needs-exactly-one-of",
                    "--set-xmark, --set-mark, ..., --save-mark, --restore-mark");
        }
        if (!setters.isEmpty()) {
            if (args.has("--nfmask") || args.has("--ctmask") || args.has("--mask")) {
                throw args.refuse("rules.connmark-mask-options");
            }
            long[] xmark = MarkTarget.xmark(args, setters.get(0));
            return new ConnmarkTarget(Mode.SET, xmark[0], xmark[1], 0);
        }
        OptionUse both = args.find("--mask");
        long all = both == null ? MarkMask.ALL_ONES : args.value(both, ExtensionArgs::parseUnsigned32);
        long nfmask = mask(args, "--nfmask", all);
        long ctmask = mask(args, "--ctmask", all);
        return new ConnmarkTarget(args.has("--save-mark") ? Mode.SAVE : Mode.RESTORE, 0, ctmask, nfmask);
    }

    private static long mask(ExtensionArgs args, String name, long fallback) {
        OptionUse use = args.find(name);
        return use == null ? fallback : args.value(use, ExtensionArgs::parseUnsigned32);
    }

    @Override
    public String name() {
        return "CONNMARK";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        switch (mode) {
            case SET -> out.word("--set-xmark").word(RuleWriter.hex(ctmark) + "/" + RuleWriter.hex(ctmask));
            case SAVE -> out.word("--save-mark").word("--nfmask").word(RuleWriter.hex(nfmask))
                    .word("--ctmask").word(RuleWriter.hex(ctmask));
            case RESTORE -> out.word("--restore-mark").word("--nfmask").word(RuleWriter.hex(nfmask))
                    .word("--ctmask").word(RuleWriter.hex(ctmask));
        }
    }

    /** libxt_CONNMARK's print (revision 1): the operation as and/or/xor/set/xset, save or restore. */
    @Override
    public void list(ListWriter out) {
        if (mode == Mode.SET) {
            long all = 0xffffffffL;
            if (ctmark == 0) {
                out.text("CONNMARK and 0x" + Long.toHexString(~ctmask & all));
            } else if (ctmark == ctmask) {
                out.text("CONNMARK or 0x" + Long.toHexString(ctmark));
            } else if (ctmask == 0) {
                out.text("CONNMARK xor 0x" + Long.toHexString(ctmark));
            } else if (ctmask == all) {
                out.text("CONNMARK set 0x" + Long.toHexString(ctmark));
            } else {
                out.text("CONNMARK xset 0x" + Long.toHexString(ctmark) + "/0x" + Long.toHexString(ctmask));
            }
            return;
        }
        String word = "CONNMARK " + (mode == Mode.SAVE ? "save" : "restore");
        if (nfmask == 0xffffffffL && ctmask == 0xffffffffL) {
            out.text(word);
        } else if (nfmask == ctmask) {
            out.text(word + " mask 0x" + Long.toHexString(nfmask));
        } else {
            out.text(word + " nfmask 0x" + Long.toHexString(nfmask) + " ctmask ~0x" + Long.toHexString(ctmask));
        }
    }

    /** {@code connmark_tg_shift}: set or save the connection's mark, or restore the packet's from it. */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        var ct = par.ct();
        if (ct == null) {
            return TargetVerdict.goOn(Reason.of(ReasonCode.CONNMARK_NO_CONNECTION));
        }
        long current = ct.mark();
        switch (mode) {
            case SET -> ct.setMark((current & ~ctmask & 0xffff_ffffL) ^ ctmark);
            case SAVE -> ct.setMark((current & ~ctmask & 0xffff_ffffL) ^ (par.mark() & nfmask));
            case RESTORE -> par.setMark((par.mark() & ~nfmask & 0xffff_ffffL) ^ (current & ctmask));
        }
        return TargetVerdict.goOn(Reason.of(ReasonCode.CONNMARK, mode.name().toLowerCase(java.util.Locale.ROOT),
                "0x" + Long.toHexString(ct.mark()), "0x" + Long.toHexString(par.mark())));
    }
}
