package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.core.KeepsState;
import io.netfilterflow.netfilter.bridge.EbtActionParam;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.RateLimit;
import io.netfilterflow.netfilter.xtables.RuleState;
import io.netfilterflow.netfilter.xtables.XtExtension;

/** {@code --limit R --limit-burst N} ({@code ebt_limit}); ebtables always prints the burst. */
public record EbtLimitMatch(RateLimit rate) implements EbtMatch, KeepsState {

    public static final XtExtension<EbtLimitMatch> EXTENSION = new XtExtension<>("limit",
            OptionSpec.of("--limit", 1, "--limit-burst", 1),
            args -> new EbtLimitMatch(RateLimit.fromOptions(args)));

    @Override
    public String name() {
        return "limit";
    }

    @Override
    public void save(RuleWriter out) {
        out.word("--limit").word(rate.formatRate()).word("--limit-burst").word(Integer.toString(rate.burst()));
    }

    @Override
    public boolean match(EbtActionParam par) {
        RateLimit.Bucket bucket = par.state(RuleState.of(this, RateLimit.Bucket.class, RateLimit.Bucket::new));
        boolean within = bucket.take(rate);
        par.note(bucket.describe(rate));
        return within;
    }
}
