package io.netfilterflow.netfilter.nft.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code fib ... oif missing|exists} compares what fib found with nothing, as nft_fib's F_PRESENT result. */
class NftOpTest {

    @Test
    void missingMatchesWhenFibFoundNoDevice() {
        assertThat(NftOp.EQ.test(null, null, null)).isTrue();
        assertThat(NftOp.EQ.test("eth0", null, null)).isFalse();
    }

    @Test
    void existsMatchesWhenFibFoundADevice() {
        assertThat(NftOp.NEQ.test("eth0", null, null)).isTrue();
        assertThat(NftOp.NEQ.test(null, null, null)).isFalse();
    }

    @Test
    void nothingLoadedBreaksAnyOtherCompare() {
        assertThat(NftOp.EQ.test(null, 1L, null)).isFalse();
        assertThat(NftOp.NEQ.test(null, 1L, null)).isFalse();
    }
}
