package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.core.Verdict;
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

/** {@code -j NFQUEUE}: hands the packet to a userspace queue ({@code xt_NFQUEUE}, revision 3). */
public record NfqueueTarget(int firstQueue, int lastQueue, boolean bypass, boolean cpuFanout) implements XtTarget {

    public static final XtExtension<NfqueueTarget> EXTENSION = new XtExtension<>("NFQUEUE",
            OptionSpec.of("--queue-num", 1, "--queue-balance", 1, "--queue-bypass", 0, "--fail-open", 0,
                    "--queue-cpu-fanout", 0),
            NfqueueTarget::create);

    private static NfqueueTarget create(ExtensionArgs args) {
        if (args.has("--fail-open")) {
            throw args.refuse("rules.not-supported", "--fail-open");
        }
        OptionUse num = args.find("--queue-num");
        OptionUse balance = args.find("--queue-balance");
        if (num != null && balance != null) {
            throw args.refuse("rules.cannot-combine", "--queue-num", "--queue-balance");
        }
        int first = 0;
        int last = 0;
        if (num != null) {
            first = last = args.value(num, text -> ExtensionArgs.parseBounded(text, 0, 65535));
        } else if (balance != null) {
            PortRange range = args.value(balance, text -> PortRange.parse(text, ':'));
            first = range.first();
            last = range.last();
        }
        return new NfqueueTarget(first, last, args.has("--queue-bypass"), args.has("--queue-cpu-fanout"));
    }

    @Override
    public String name() {
        return "NFQUEUE";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        if (lastQueue > firstQueue) {
            out.word("--queue-balance").word(firstQueue + ":" + lastQueue);
        } else {
            out.word("--queue-num").word(Integer.toString(firstQueue));
        }
        if (bypass) {
            out.word("--queue-bypass");
        }
        if (cpuFanout) {
            out.word("--queue-cpu-fanout");
        }
    }

    @Override
    public void list(ListWriter out) {
        out.text("NFQUEUE " + (firstQueue == lastQueue ? "num " + firstQueue : "balance " + firstQueue + ":" + lastQueue)
                + (bypass ? " bypass" : "") + (cpuFanout ? " cpu-fanout" : ""));
    }

    /**
     * {@code nfqueue_tg}: the packet goes to a userspace program; with {@code --queue-bypass} and none
     * listening ({@code nf_queue}), the next hook function looks at it as if accepted.
     */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        if (bypass) {
            return new TargetVerdict(Verdict.ACCEPT, "queue", Reason.of(ReasonCode.NFQUEUE_BYPASS, firstQueue));
        }
        return new TargetVerdict(Verdict.QUEUE, "queue", Reason.of(ReasonCode.NFQUEUE, firstQueue));
    }
}
