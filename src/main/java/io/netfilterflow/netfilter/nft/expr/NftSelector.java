package io.netfilterflow.netfilter.nft.expr;

/**
 * An expression that loads a value into a register ({@code nft_payload}, {@code nft_meta}, {@code nft_ct},
 * {@code nft_fib}, {@code nft_numgen}, a concatenation or a bitwise operation on one of them). Null means the
 * expression breaks the rule ({@code NFT_BREAK}: no transport header, no connection).
 */
public sealed interface NftSelector permits NftField, NftConcat, NftFib, NftNumgen, NftBitwise, NftConstant {

    Object load(NftPktInfo pkt);

    NftType type();

    /** The types of each part of a concatenation; one type otherwise. */
    default java.util.List<NftType> parts() {
        return java.util.List.of(type());
    }
}
