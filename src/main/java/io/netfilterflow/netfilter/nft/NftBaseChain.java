package io.netfilterflow.netfilter.nft;

import java.util.Objects;

/**
 * What makes a chain a base chain ({@code NFT_CHAIN_BASE}): its type, the hook it is registered on, its
 * priority as a number (standard names already resolved for the family), its policy, and the priority as
 * written ({@code filter + 5}; null when not read from text), kept so that it prints back as it was read.
 * Chains on {@code ingress} or {@code egress} are refused when read, so no base chain here is bound to a device.
 */
public record NftBaseChain(NftChainType type, String hook, int priority, NftPolicy policy, String writtenPriority) {

    public NftBaseChain {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(policy, "policy");
    }

    public NftBaseChain(NftChainType type, String hook, int priority, NftPolicy policy) {
        this(type, hook, priority, policy, null);
    }
}
