package io.netfilterflow.netfilter.nft.expr;

/** {@code nft_immediate} loading data: the constant of {@code meta mark set 0x1}. */
public record NftConstant(NftType type, Object value) implements NftSelector {

    @Override
    public Object load(NftPktInfo pkt) {
        return value;
    }
}
