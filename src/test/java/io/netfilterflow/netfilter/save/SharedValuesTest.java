package io.netfilterflow.netfilter.save;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.xtables.RateLimit;
import io.netfilterflow.netfilter.xtables.match.LimitMatch;
import org.junit.jupiter.api.Test;

class SharedValuesTest {

    private final SharedValues shared = new SharedValues();

    @Test
    void anEqualValueIsHandedOutAsTheFirstOne() {
        Negatable<Ipv4Prefix> first = shared.share(Negatable.of(Ipv4Prefix.parse("10.244.0.0/16"), true));
        Negatable<Ipv4Prefix> again = shared.share(Negatable.of(Ipv4Prefix.parse("10.244.0.0/16"), true));
        Negatable<Ipv4Prefix> other = shared.share(Negatable.of(Ipv4Prefix.parse("10.244.0.0/16"), false));
        assertThat(again).isSameAs(first);
        assertThat(other).isNotSameAs(first).isNotEqualTo(first);
        assertThat(shared.share((Object) null)).isNull();
    }

    @Test
    void aValueThatKeepsStatePerRuleIsNeverShared() {
        LimitMatch first = new LimitMatch(new RateLimit(RateLimit.parseInterval("5/s"), 5));
        LimitMatch again = new LimitMatch(new RateLimit(RateLimit.parseInterval("5/s"), 5));
        assertThat(again).isEqualTo(first);
        assertThat(shared.share(first)).isSameAs(first);
        assertThat(shared.share(again)).isSameAs(again);
    }

    @Test
    void manyValuesAreKeptInBoundedSpaceAndStillHandedOutRight() {
        for (int i = 0; i < 100_000; i++) {
            Integer value = shared.share(Integer.valueOf(i + 1000));
            assertThat(value).isEqualTo(i + 1000);
        }
    }
}
