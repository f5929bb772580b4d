package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.core.KeepsState;
import io.netfilterflow.netfilter.xtables.RuleState;

/**
 * {@code numgen random mod N [offset O]} and {@code numgen inc mod N [offset O]} ({@code nft_numgen}): a draw
 * from the run's seeded generator, as {@code statistic --mode random} takes it, or a counter kept by the rule.
 */
public record NftNumgen(boolean random, int modulus, int offset) implements NftSelector, KeepsState {

    /** The counter of an {@code inc} generator. */
    static final class Counter {
        int next;
    }

    @Override
    public Object load(NftPktInfo pkt) {
        if (random) {
            return (long) ((int) Math.floor(pkt.random() * modulus) + offset);
        }
        Counter counter = pkt.state(RuleState.of(this, Counter.class, Counter::new));
        long value = counter.next + offset;
        counter.next = (counter.next + 1) % modulus;
        return value;
    }

    @Override
    public NftType type() {
        return NftType.INTEGER;
    }

    /** Whether it draws at random among more than one value (a replay on a kernel cannot follow it). */
    public boolean drawsAtRandom() {
        return random && modulus > 1;
    }
}
