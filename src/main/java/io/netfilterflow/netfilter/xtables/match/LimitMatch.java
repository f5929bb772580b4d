package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.core.KeepsState;
import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.RateLimit;
import io.netfilterflow.netfilter.xtables.RuleState;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/** {@code -m limit --limit R --limit-burst N} ({@code xt_limit}): a token bucket. */
public record LimitMatch(RateLimit rate) implements XtMatch, KeepsState {

    public static final XtExtension<LimitMatch> EXTENSION = new XtExtension<>("limit",
            OptionSpec.of("--limit", 1, "--limit-burst", 1),
            args -> new LimitMatch(RateLimit.fromOptions(args)));

    @Override
    public String name() {
        return "limit";
    }

    @Override
    public void save(RuleWriter out) {
        out.word("--limit").word(rate.formatRate());
        if (rate.burst() != RateLimit.DEFAULT_BURST) {
            out.word("--limit-burst").word(Integer.toString(rate.burst()));
        }
    }

    @Override
    public boolean match(XtActionParam par) {
        RateLimit.Bucket bucket = par.state(RuleState.of(this, RateLimit.Bucket.class, RateLimit.Bucket::new));
        boolean within = bucket.take(rate);
        par.note(bucket.describe(rate));
        return within;
    }

    @Override
    public void list(ListWriter out) {
        out.text("limit: avg " + rate.formatRate() + " burst " + rate.burst());
    }
}
