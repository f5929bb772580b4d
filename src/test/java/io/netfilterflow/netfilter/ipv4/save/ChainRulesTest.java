package io.netfilterflow.netfilter.ipv4.save;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.ipv4.IptRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -D CHAIN RULE} finds the first rule meaning the same, and thousands of them stay cheap. */
class ChainRulesTest {

    @Test
    void deletingByRuleRemovesTheFirstThatMeansTheSameWrittenAnyWay() {
        List<IptRule> rules = IptablesSaveParser.parse("""
                *filter
                -A INPUT -s 10.0.0.1 -j DROP
                -A INPUT -s 10.0.0.2/32 -j DROP
                -A INPUT -s 10.0.0.2/32 -p tcp -j DROP
                -A INPUT -s 10.0.0.2/32 -j DROP
                -I INPUT 2 -s 10.0.0.9/32 -j ACCEPT
                -D INPUT -s 10.0.0.2 -j DROP
                COMMIT
                """).tables().get(0).chain("INPUT").rules();
        assertThat(rules).extracting(rule -> rule.source().number()).containsExactly(2, 6, 4, 5);
    }

    /** 15,000 rules, then each deleted by its text from the end: a megabyte that took 7.8 s to read. */
    @Test
    void fifteenThousandDeletionsFromALongChainStayCheap() {
        int n = 15_000;
        StringBuilder text = new StringBuilder("*filter\n");
        for (int i = 0; i < n; i++) {
            text.append("-A FORWARD -s 10.").append(i / 250).append('.').append(i % 250).append(".1 -j LOG\n");
        }
        for (int i = n - 1; i >= 0; i--) {
            text.append("-D FORWARD -s 10.").append(i / 250).append('.').append(i % 250).append(".1 -j LOG\n");
        }
        long start = System.nanoTime();
        assertThat(IptablesSaveParser.parse(text.append("COMMIT\n").toString()).ruleCount()).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5000);
    }
}
