package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.nft.NftFamily;
import io.netfilterflow.problem.Problem;

/**
 * IPv6-only matches in a table that also sees IPv4 ({@code ip6 daddr ...}, {@code icmpv6 type ...},
 * {@code reject with icmpv6 ...}). nft puts a protocol dependency in front of them ({@code payload_gen_dependency},
 * {@code stmt_reject_gen_dependency}): {@code meta nfproto ipv6} in an inet table, {@code ether type ip6} in a
 * bridge or netdev one. The simulator sends only IPv4, so that dependency is all it needs to run: it always
 * breaks the rule before the IPv6 part is reached. In an {@code ip} table nft loads no such rule.
 */
final class NftIpv6Dependency {

    private static final long NFPROTO_IPV6 = 10L;
    private static final long ETH_P_IPV6 = 0x86ddL;

    private NftIpv6Dependency() {
    }

    /** Whether the words start an IPv6-only payload match. */
    static boolean starts(NftWords in) {
        return (in.peek().equals("ip6") || in.peek().equals("icmpv6")) && !in.peek(1).isEmpty();
    }

    /** {@code reject with icmpv6 CODE}: its dependency; the reject itself is never reached by IPv4. */
    static NftExpr reject(NftFamily family, NftWords in, NftRefusals fail) {
        in.take("type");
        String code = in.next();
        return dependency(family, fail, "reject with icmpv6 " + code);
    }

    /** The dependency of an IPv6 key ({@code ip6 daddr}); refused in an ip table, where nft loads no such rule. */
    static NftExpr of(NftFamily family, String words, NftRefusals fail) {
        return dependency(family, fail, words);
    }

    private static NftExpr dependency(NftFamily family, NftRefusals fail, String words) {
        return switch (family) {
            case INET, IP6 -> new NftExpr.Cmp(NftField.META_NFPROTO, NftOp.EQ, NFPROTO_IPV6, null);
            case BRIDGE, NETDEV -> new NftExpr.Cmp(NftField.ETHER_TYPE, NftOp.EQ, ETH_P_IPV6, null);
            default -> throw fail.notModelled(Problem.of("rules.nft-in-family", words, family.nftName()));
        };
    }
}
