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

    /**
     * The priority as {@code nft} 1.0.6 prints it ({@code prio2str}): the first standard name of the family
     * within 10 of the number, with the offset ({@code filter + 5}, {@code srcnat - 5}), when that name may
     * be used on the hook ({@code dstnat} only on prerouting, {@code srcnat} only on postrouting, bridge
     * {@code out} only on output); otherwise the number.
     */
    public String priorityName(String hook, int priority) {
        for (String name : standardPriorityNames()) {
            int standard = standardPriority(name);
            if (Math.abs((long) priority - standard) <= 10) {
                if (!nameFitsHook(name, hook)) {
                    break;
                }
                int offset = priority - standard;
                return name + (offset > 0 ? " + " + offset : offset < 0 ? " - " + -offset : "");
            }
        }
        return Integer.toString(priority);
    }

    private List<String> standardPriorityNames() {
        return switch (this) {
            case IP, IP6, INET -> List.of("raw", "mangle", "dstnat", "filter", "security", "srcnat");
            case BRIDGE -> List.of("dstnat", "filter", "out", "srcnat");
            case ARP, NETDEV -> List.of("filter");
        };
    }

    private static boolean nameFitsHook(String name, String hook) {
        return switch (name) {
            case "dstnat" -> hook.equals("prerouting");
            case "srcnat" -> hook.equals("postrouting");
            case "out" -> hook.equals("output");
            default -> true;
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
