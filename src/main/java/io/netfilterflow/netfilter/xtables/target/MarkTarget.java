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

/**
 * {@code -j MARK} ({@code xt_MARK}, revision 2): {@code mark = (mark & ~mask) ^ value}. Every
 * spelling ({@code --set-mark}, {@code --or-mark}, ...) reduces to this, as iptables-save shows.
 */
public record MarkTarget(long value, long mask) implements XtTarget {

    public static final XtExtension<MarkTarget> EXTENSION = new XtExtension<>("MARK",
            OptionSpec.of("--set-xmark", 1, "--set-mark", 1, "--and-mark", 1, "--or-mark", 1, "--xor-mark", 1),
            MarkTarget::create);

    private static MarkTarget create(ExtensionArgs args) {
        if (args.uses().size() != 1) {
            throw args.refuse("rules.needs-exactly-one-of",
                    "--set-xmark, --set-mark, --and-mark, --or-mark, --xor-mark");
        }
        OptionUse use = args.uses().get(0);
        long[] xmark = xmark(args, use);
        return new MarkTarget(xmark[0], xmark[1]);
    }

    /** The (value, mask) pair each spelling stands for, as libxt_MARK computes it; shared with CONNMARK. */
    static long[] xmark(ExtensionArgs args, OptionUse use) {
        String name = use.name();
        if (name.equals("--set-xmark") || name.equals("--set-mark")) {
            MarkMask given = args.value(use, MarkMask::parse);
            long mask = name.equals("--set-mark") ? given.mask() | given.value() : given.mask();
            return new long[] {given.value(), mask};
        }
        long bits = args.value(use, ExtensionArgs::parseUnsigned32);
        return switch (name) {
            case "--and-mark" -> new long[] {0, ~bits & MarkMask.ALL_ONES};
            case "--or-mark" -> new long[] {bits, bits};
            default -> new long[] {bits, 0};
        };
    }

    public long apply(long mark) {
        return ((mark & ~mask) ^ value) & MarkMask.ALL_ONES;
    }

    @Override
    public String name() {
        return "MARK";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        out.word("--set-xmark").word(RuleWriter.hex(value) + "/" + RuleWriter.hex(mask));
    }

    /** libxt_MARK's print for revision 2: the operation a {@code --set-xmark} amounts to. */
    @Override
    public void list(ListWriter out) {
        String hexValue = "0x" + Long.toHexString(value);
        if (value == mask) {
            out.text("MARK or " + hexValue);
        } else if (value == 0) {
            out.text("MARK and 0x" + Long.toHexString(~mask & 0xffffffffL));
        } else if (mask == 0) {
            out.text("MARK xor " + hexValue);
        } else if (mask == 0xffffffffL) {
            out.text("MARK set " + hexValue);
        } else {
            out.text("MARK xset " + hexValue + "/0x" + Long.toHexString(mask));
        }
    }

    /** {@code mark_tg}. */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        long before = par.mark();
        par.setMark((before & ~mask & 0xffff_ffffL) ^ value);
        return TargetVerdict.goOn(Reason.of(ReasonCode.MARK, "0x" + Long.toHexString(before),
                "0x" + Long.toHexString(par.mark())));
    }
}
