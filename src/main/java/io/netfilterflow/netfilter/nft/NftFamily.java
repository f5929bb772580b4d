package io.netfilterflow.netfilter.nft;

import java.util.List;

/**
 * An nf_tables address family ({@code NFPROTO_*}) as {@code nft} names it, with the hooks a base chain of the
 * family may take and the standard priority names it resolves ({@code nft(8)}, "STANDARD PRIORITY NAMES"):
 * ip, ip6 and inet share the table of {@code NF_IP_PRI_*}; bridge has its own ({@code NF_BR_PRI_*}); arp and
 * netdev have only {@code filter} (0).
 */
public enum NftFamily {
    IP("ip", Hooks.INET), IP6("ip6", Hooks.INET), INET("inet", Hooks.INET_FAMILY),
    BRIDGE("bridge", Hooks.INET), ARP("arp", List.of("input", "output")), NETDEV("netdev", List.of("ingress", "egress"));

    private final String nftName;
    private final List<String> hooks;

    NftFamily(String nftName, List<String> hooks) {
        this.nftName = nftName;
        this.hooks = hooks;
    }

    /** The family as {@code nft} writes it, or null if the word names none. */
    public static NftFamily of(String word) {
        for (NftFamily family : values()) {
            if (family.nftName.equals(word)) {
                return family;
            }
        }
        return null;
    }

    public String nftName() {
        return nftName;
    }

    /** Hooks a base chain of this family may be registered on. */
    public List<String> hooks() {
        return hooks;
    }

    /** The number a standard priority name stands for in this family, or null if it has none. */
    public Integer standardPriority(String name) {
        return switch (this) {
            case IP, IP6, INET -> switch (name) {
                case "raw" -> -300;
                case "mangle" -> -150;
                case "dstnat" -> -100;
                case "filter" -> 0;
                case "security" -> 50;
                case "srcnat" -> 100;
                default -> null;
            };
            case BRIDGE -> switch (name) {
                case "dstnat" -> -300;
                case "filter" -> -200;
                case "out" -> 100;
                case "srcnat" -> 300;
                default -> null;
            };
            case ARP, NETDEV -> "filter".equals(name) ? 0 : null;
        };
    }

    private static final class Hooks {
        static final List<String> INET = List.of("prerouting", "input", "forward", "output", "postrouting");
        static final List<String> INET_FAMILY =
                List.of("prerouting", "input", "forward", "output", "postrouting", "ingress");
    }

    @Override
    public String toString() {
        return nftName;
    }
}
