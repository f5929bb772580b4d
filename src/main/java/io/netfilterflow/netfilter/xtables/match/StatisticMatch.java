package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.core.KeepsState;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.RuleState;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code -m statistic} ({@code xt_statistic}): random with a probability kept as the kernel keeps
 * it (a 31-bit fraction), or every nth packet.
 */
public record StatisticMatch(Mode mode, long probability, int every, int packet, boolean inverted)
        implements XtMatch, KeepsState {

    /** {@code XT_STATISTIC_MODE_RANDOM/NTH}. */
    public enum Mode { RANDOM, NTH }

    private static final double ONE = 0x80000000L;

    public static final XtExtension<StatisticMatch> EXTENSION = new XtExtension<>("statistic",
            OptionSpec.of("--mode", 1, "--probability", 1, "--every", 1, "--packet", 1),
            StatisticMatch::create);

    private static StatisticMatch create(ExtensionArgs args) {
        OptionUse modeUse = args.require("--mode");
        args.notInvertible("--mode", "--every", "--packet");
        Mode mode = args.value(modeUse, text -> switch (text) {
            case "random" -> Mode.RANDOM;
            case "nth" -> Mode.NTH;
            default -> throw new InvalidValue("rules.not-random-or-nth", text);
        });
        if (mode == Mode.RANDOM) {
            OptionUse p = args.require("--probability");
            if (args.has("--every") || args.has("--packet")) {
                throw args.refuse("rules.statistic-nth-options");
            }
            double value = args.value(p, Double::parseDouble);
            if (!(value >= 0 && value <= 1)) {
                throw args.refuse("rules.statistic-probability-range");
            }
            return new StatisticMatch(mode, Math.round(value * ONE), 0, 0, p.inverted());
        }
        OptionUse every = args.require("--every");
        if (args.has("--probability")) {
            throw args.refuse("rules.statistic-random-option");
        }
        int n = args.value(every, text -> ExtensionArgs.parseBounded(text, 1, Integer.MAX_VALUE));
        OptionUse packet = args.find("--packet");
        if (packet == null) {
            throw args.refuse("rules.statistic-every-needs-packet");
        }
        int p = args.value(packet, text -> ExtensionArgs.parseBounded(text, 0, n - 1));
        return new StatisticMatch(mode, 0, n, p, every.inverted());
    }

    /** The probability this match takes the random branch, as the kernel computes it. */
    public double probabilityValue() {
        return probability / ONE;
    }

    @Override
    public String name() {
        return "statistic";
    }

    @Override
    public void save(RuleWriter out) {
        if (mode == Mode.RANDOM) {
            out.word("--mode").word("random");
            out.option(inverted, "--probability",
                    new BigDecimal(probabilityValue()).setScale(11, RoundingMode.HALF_EVEN).toPlainString());
        } else {
            out.word("--mode").word("nth");
            out.option(inverted, "--every", Integer.toString(every));
            out.word("--packet").word(Integer.toString(packet));
        }
    }

    @Override
    public boolean match(XtActionParam par) {
        boolean hit;
        if (mode == Mode.RANDOM) {
            double draw = par.random();
            hit = draw < probabilityValue();
            par.note(Reason.of(ReasonCode.STATISTIC_RANDOM, String.format(java.util.Locale.ROOT, "%.4f",
                    probabilityValue()), String.format(java.util.Locale.ROOT, "%.4f", draw)));
        } else {
            int[] count = par.state(RuleState.of(this, int[].class, () -> new int[1]));
            hit = count[0] == packet;
            par.note(Reason.of(ReasonCode.STATISTIC_NTH, count[0], every, packet));
            count[0] = count[0] + 1 == every ? 0 : count[0] + 1;
        }
        return hit != inverted;
    }

    @Override
    public void list(ListWriter out) {
        String not = inverted ? " !" : "";
        if (mode == Mode.RANDOM) {
            out.text("statistic mode random" + not + " probability "
                    + new BigDecimal(probabilityValue()).setScale(11, RoundingMode.HALF_EVEN).toPlainString());
        } else {
            out.text("statistic mode nth" + not + " every " + every + (packet != 0 ? " packet " + packet : ""));
        }
    }
}
