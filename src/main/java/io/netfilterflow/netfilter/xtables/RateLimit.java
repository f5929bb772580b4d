package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import java.util.Locale;

/**
 * A token-bucket rate as {@code xt_limit}/{@code ebt_limit} keep it: the average interval between
 * packets in units of 1/{@value #SCALE} second ({@code XT_LIMIT_SCALE}), and the burst.
 */
public record RateLimit(long interval, int burst) {

    public static final long SCALE = 10_000;
    public static final int DEFAULT_BURST = 5;
    /** {@code 3/hour}, the rate when only a burst is given. */
    public static final long DEFAULT_INTERVAL = SCALE * 60 * 60 / 3;

    private static final String[] UNITS = {"day", "hour", "min", "sec"};
    private static final long[] MULTS = {SCALE * 24 * 60 * 60, SCALE * 60 * 60, SCALE * 60, SCALE};

    public RateLimit {
        if (interval <= 0) {
            throw new IllegalArgumentException("rate too fast");
        }
        if (burst < 1 || burst > 10_000) {
            throw new IllegalArgumentException("burst " + burst + " is out of range 1..10000");
        }
    }

    /** Reads {@code --limit} and {@code --limit-burst}, with their defaults, as both limit matches take them. */
    public static RateLimit fromOptions(ExtensionArgs args) {
        args.notInvertible("--limit", "--limit-burst");
        OptionUse limit = args.find("--limit");
        OptionUse burst = args.find("--limit-burst");
        return new RateLimit(limit == null ? DEFAULT_INTERVAL : args.value(limit, RateLimit::parseInterval),
                burst == null ? DEFAULT_BURST : args.value(burst, text -> ExtensionArgs.parseBounded(text, 1, 10_000)));
    }

    /** {@code N/sec|min|hour|day} (any prefix of the unit's name, as {@code parse_rate} accepts). */
    public static long parseInterval(String text) {
        int slash = text.indexOf('/');
        long mult = SCALE;
        if (slash >= 0) {
            String unit = text.substring(slash + 1).toLowerCase(Locale.ROOT);
            mult = switch (unit.isEmpty() ? ' ' : unit.charAt(0)) {
                case 's' -> SCALE;
                case 'm' -> SCALE * 60;
                case 'h' -> SCALE * 60 * 60;
                case 'd' -> SCALE * 24 * 60 * 60;
                default -> throw new InvalidValue("rules.bad-rate-unit", text);
            };
        }
        long count;
        try {
            count = Long.parseLong(slash >= 0 ? text.substring(0, slash) : text);
        } catch (NumberFormatException e) {
            throw new InvalidValue("rules.not-a-rate", text);
        }
        if (count <= 0 || mult / count == 0) {
            throw new InvalidValue("rules.rate-zero-or-too-fast", text);
        }
        return mult / count;
    }

    /** The rate as libxt_limit's {@code print_rate} writes it (the largest unit that loses nothing). */
    public String formatRate() {
        int i = 1;
        for (; i < MULTS.length; i++) {
            if (interval > MULTS[i] || MULTS[i] / interval < MULTS[i] % interval) {
                break;
            }
        }
        return (MULTS[i - 1] / interval) + "/" + UNITS[i - 1];
    }

    /**
     * The token bucket one rule keeps ({@code xt_limit_priv}). It starts full with {@code burst}
     * credits; a scenario's packets arrive at once, so no credit is regained between them.
     */
    public static final class Bucket {
        private int spent;

        /** Takes a credit if one is left; returns whether the packet is within the limit. */
        public boolean take(RateLimit rate) {
            if (spent >= rate.burst()) {
                return false;
            }
            spent++;
            return true;
        }

        /** For the step: how much of the burst is spent. */
        public Reason describe(RateLimit rate) {
            return Reason.of(ReasonCode.LIMIT_SPENT, spent, rate.burst());
        }
    }
}
