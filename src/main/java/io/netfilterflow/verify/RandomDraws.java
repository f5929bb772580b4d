package io.netfilterflow.verify;

import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.nft.expr.NftProgram;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.match.StatisticMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules whose outcome is a random draw ({@code -m statistic --mode random} with a probability
 * strictly between 0 and 1, as kube-proxy writes to spread connections over endpoints). The
 * simulator draws from its own seeded generator and the kernel from {@code get_random_u32()}, so a
 * replay could only agree by luck: such a scenario cannot be verified hop for hop.
 */
final class RandomDraws {

    private RandomDraws() {
    }

    /** One reason per rule that draws, naming its line; empty when nothing in the rules is random. */
    static List<String> in(IptablesRuleset rules) {
        List<String> reasons = new ArrayList<>();
        for (IptTable table : rules.tables()) {
            for (IptChain chain : table.chains()) {
                for (IptRule rule : chain.rules()) {
                    if (rule.matches().stream().anyMatch(RandomDraws::draws)) {
                        reasons.add("iptables line " + rule.source().number() + " draws at random (-m statistic --mode random); "
                                + "the kernel's draw cannot be replayed, so the kernel may pick another branch");
                    }
                }
            }
        }
        return reasons;
    }

    /** The same for native rules: {@code numgen random} among more than one value. */
    static List<String> in(NftProgram rules) {
        return rules.drawsAtRandom() ? List.of("the nftables rules draw at random (numgen random mod N); the kernel's"
                + " draw cannot be replayed, so the kernel may pick another branch") : List.of();
    }

    private static boolean draws(XtMatch match) {
        return match instanceof StatisticMatch statistic && statistic.mode() == StatisticMatch.Mode.RANDOM
                && statistic.probability() > 0 && statistic.probabilityValue() < 1;
    }
}
