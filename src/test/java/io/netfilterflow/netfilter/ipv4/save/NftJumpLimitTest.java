package io.netfilterflow.netfilter.ipv4.save;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.support.ChainsOfJumps;
import org.junit.jupiter.api.Test;

/**
 * nf_tables enters no chain 16 jumps deep from a base chain; iptables-nft-restore 1.8.9 names the first
 * rule that made a walk that deep (measured on Linux 6.18, see NftJumpLimitConformanceTest), while
 * iptables-legacy-restore loads the same tables.
 */
class NftJumpLimitTest {

    static String refusal(String text) {
        try {
            IptablesSaveParser.parse(text, Backend.NFT);
            return null;
        } catch (RulesSyntaxException e) {
            return e.getMessage();
        }
    }

    @Test
    void enteringAChainSixteenJumpsDeepIsRefusedAtTheRuleThatJumpsThere() {
        String sixteen = ChainsOfJumps.iptables("filter", "FORWARD", 16, "-j", false);
        assertThat(refusal(sixteen)).isEqualTo("line 33: RULE_APPEND failed (Too many links): rule in chain F14; with it, "
                + "FORWARD -> F0 -> F1 -> F2 -> F3 -> F4 -> F5 -> F6 -> F7 -> F8 -> F9 -> F10 -> F11 -> F12 -> F13 -> F14 "
                + "-> F15 enters F15 16 jumps deep, and nf_tables enters no chain 16 jumps deep (NFT_JUMP_STACK_SIZE) "
                + "(the legacy backend loads it)");
        assertThat(IptablesSaveParser.parse(sixteen, Backend.LEGACY).ruleCount()).isEqualTo(16);
        assertThat(refusal(ChainsOfJumps.iptables("filter", "FORWARD", 15, "-j", false))).isNull();
        assertThat(refusal(ChainsOfJumps.iptables("filter", "FORWARD", 31, "-j", false))).startsWith("line 48: RULE_APPEND failed"
                + " (Too many links): rule in chain F14;");
    }

    @Test
    void onlyTheDepthCountsNotTheBaseChainTheTableOrWhetherItJumpsOrGoes() {
        assertThat(refusal(ChainsOfJumps.iptables("filter", "OUTPUT", 16, "-j", false))).startsWith("line 33: RULE_APPEND failed");
        assertThat(refusal(ChainsOfJumps.iptables("nat", "PREROUTING", 16, "-j", false))).startsWith("line 33: RULE_APPEND failed");
        assertThat(refusal(ChainsOfJumps.iptables("filter", "FORWARD", 16, "-g", false)))
                .startsWith("line 33: RULE_APPEND failed (Too many links): rule in chain F14;");
    }

    @Test
    void chainsNoBaseChainReachesAreNotWalked() {
        assertThat(refusal(ChainsOfJumps.iptables("filter", null, 40, "-j", false))).isNull();
        assertThat(refusal("*filter\n:A - [0:0]\n:B - [0:0]\n-A A -j B\n-A B -j A\nCOMMIT\n")).isNull();
    }

    @Test
    void theRuleNamedIsTheOneThatCompletedTheWalkInInputOrder() {
        assertThat(refusal(ChainsOfJumps.iptables("filter", "FORWARD", 17, "-j", true)))
                .startsWith("line 35: RULE_APPEND failed (Too many links): rule in chain FORWARD;");
        // FORWARD reaches F1 directly; F0 -> F1, added last, makes the walk through F0 one deeper
        assertThat(refusal(ChainsOfJumps.twoWalks()))
                .startsWith("line 34: RULE_APPEND failed (Too many links): rule in chain F0;");
    }

    @Test
    void anInsertIsNamedAsIptablesNftNamesIt() {
        String text = ChainsOfJumps.iptables("filter", "FORWARD", 16, "-j", false).replace("-A F14 -j F15\n",
                "-A F14 -j ACCEPT\n-I F14 -j F15\n");
        assertThat(refusal(text)).startsWith("line 34: RULE_INSERT failed (Too many links): rule in chain F14;");
    }

    /** The transaction is checked as it commits: a walk made too deep and then cut before COMMIT loads. */
    @Test
    void aWalkCutBeforeCommitLoads() {
        String base = ChainsOfJumps.iptables("filter", "FORWARD", 16, "-j", false);
        assertThat(refusal(base.replace("COMMIT\n", "-D FORWARD -j F0\nCOMMIT\n"))).isNull();
        assertThat(refusal(base.replace("COMMIT\n", "-F F3\nCOMMIT\n"))).isNull();
        assertThat(refusal(base.replace("COMMIT\n", "-D F14 1\n-A F13 -j F14\nCOMMIT\n"))).isNull();
        // cut, then made too deep again: the replay names the first rule that was too deep
        assertThat(refusal(base.replace("COMMIT\n", "-D FORWARD -j F0\n-A OUTPUT -j F0\nCOMMIT\n")))
                .startsWith("line 33: RULE_APPEND failed (Too many links): rule in chain F14;");
    }

    @Test
    void aLoopABaseChainReachesIsTooDeepForNfTablesAndALoopForXtables() {
        String loop = "*filter\n:A - [0:0]\n:B - [0:0]\n-A FORWARD -j A\n-A A -j B\n-A B -j A\n-A INPUT -j ACCEPT\nCOMMIT\n";
        assertThat(refusal(loop)).isEqualTo("line 6: RULE_APPEND failed (Too many links): rule in chain B; its jump makes "
                + "a loop (B -> A -> B), which nf_tables refuses as too deep (the legacy backend loads it)");
        assertThatThrownBy(() -> IptablesSaveParser.parse(loop, Backend.LEGACY)).hasMessageContaining("makes a loop")
                .hasMessageContaining("(ELOOP)");
    }

    /** FORWARD jumps to each of 20,000 chains, which run in strings of {@code run}: 10 deep loads, 20 does not. */
    @Test
    void aWideTableOfManyJumpsIsCheckedInLinearTime() {
        for (int run : new int[] {10, 20}) {
            StringBuilder text = new StringBuilder("*filter\n");
            int chains = 20_000;
            for (int i = 0; i < chains; i++) {
                text.append(":C").append(i).append(" - [0:0]\n");
            }
            for (int i = 0; i < chains; i++) {
                text.append("-A FORWARD -j C").append(i).append('\n');
                if (i % run != run - 1) {
                    text.append("-A C").append(i).append(" -j C").append(i + 1).append('\n');
                }
            }
            long start = System.nanoTime();
            String refused = refusal(text.append("COMMIT\n").toString());
            assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(2000);
            if (run == 10) {
                assertThat(refused).isNull();
            } else {
                assertThat(refused).contains("rule in chain C14;", "enters C15 16 jumps deep");
            }
        }
    }
}
