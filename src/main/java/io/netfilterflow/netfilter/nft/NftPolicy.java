package io.netfilterflow.netfilter.nft;

/** A base chain's policy: the verdict when its last rule has run ({@code NF_ACCEPT}, {@code NF_DROP}). */
public enum NftPolicy {
    ACCEPT, DROP;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
