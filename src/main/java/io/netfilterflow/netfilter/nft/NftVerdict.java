package io.netfilterflow.netfilter.nft;

import java.util.Objects;

/**
 * A rule's verdict statement ({@code verdict_expr} and {@code queue} of nft's grammar): {@code accept},
 * {@code drop}, {@code continue}, {@code return}, {@code jump CHAIN}, {@code goto CHAIN}, {@code queue ...};
 * {@code chain} is the target of jump and goto, null otherwise.
 */
public record NftVerdict(Kind kind, String chain) {

    /** The kinds, named as {@code NF_ACCEPT}, {@code NF_DROP}, {@code NFT_CONTINUE}, {@code NFT_RETURN} ... */
    public enum Kind { ACCEPT, DROP, CONTINUE, RETURN, JUMP, GOTO, QUEUE }

    public NftVerdict {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.JUMP || kind == Kind.GOTO) != (chain != null)) {
            throw new IllegalArgumentException("jump and goto, and only they, name a chain");
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + (chain == null ? "" : " " + chain);
    }
}
