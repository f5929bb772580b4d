package io.netfilterflow.netfilter.bridge.save;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.support.ChainsOfJumps;
import org.junit.jupiter.api.Test;

/**
 * ebtables jumps at load: ebtables-nft refuses a chain entered 16 jumps deep as iptables-nft does
 * (ebtables-restore 1.8.9: {@code line 36: RULE_APPEND failed (Too many links): rule in chain F14}),
 * ebtables-legacy loads it; and the loop check walks each chain once.
 */
class EbtJumpsTest {

    @Test
    void ebtablesNftRefusesAChainEnteredSixteenJumpsDeepWithTheToolsLine() {
        assertThatThrownBy(() -> EbtablesSaveParser.parse(ChainsOfJumps.ebtables(16), Backend.NFT))
                .hasMessageStartingWith("line 36: RULE_APPEND failed (Too many links): rule in chain F14; with it, "
                        + "FORWARD -> F0 -> ");
        assertThat(EbtablesSaveParser.parse(ChainsOfJumps.ebtables(16), Backend.LEGACY).tables().get(0).chains()).hasSize(19);
        assertThat(EbtablesSaveParser.parse(ChainsOfJumps.ebtables(15), Backend.NFT).tables().get(0).chains()).hasSize(18);
    }

    /** 22 chains, each jumping twice to the next: 4 million paths, one walk each chain. */
    @Test
    void aLadderOfChainsIsCheckedOnceAChain() {
        StringBuilder text = new StringBuilder("*filter\n:FORWARD ACCEPT\n");
        for (int i = 0; i < 22; i++) {
            text.append(":D").append(i).append(" RETURN\n");
        }
        text.append("-A FORWARD -j D0\n");
        for (int i = 0; i < 21; i++) {
            text.append(("-A D" + i + " -j D" + (i + 1) + "\n").repeat(2));
        }
        long start = System.nanoTime();
        assertThat(EbtablesSaveParser.parse(text.toString(), Backend.LEGACY).tables().get(0).chains()).hasSize(23);
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(1000);
        assertThatThrownBy(() -> EbtablesSaveParser.parse(text.toString(), Backend.NFT))
                .hasMessageStartingWith("line 54: RULE_APPEND failed (Too many links): rule in chain D14;");
    }

    /** 20,000 chains in one string: no recursion to overflow the stack. */
    @Test
    void aLongStringOfChainsLoadsWithLegacy() {
        assertThat(EbtablesSaveParser.parse(ChainsOfJumps.ebtables(20_000), Backend.LEGACY).tables().get(0).chains())
                .hasSize(20_003);
    }

    @Test
    void aLoopIsStillNamedWithItsPath() {
        assertThatThrownBy(() -> EbtablesSaveParser.parse("""
                *filter
                :FORWARD ACCEPT
                :a ACCEPT
                :b ACCEPT
                :c ACCEPT
                -A FORWARD -j c
                -A FORWARD -j a
                -A c -j b
                -A a -j b
                -A b -j c
                -A b -j a
                """)).hasMessage("line 10: jump to c makes a loop (FORWARD -> c -> b -> c); the kernel refuses it");
    }
}
