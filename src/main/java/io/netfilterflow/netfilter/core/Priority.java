package io.netfilterflow.netfilter.core;

/**
 * Hook priorities as the kernel and iptables-nft register them ({@code enum nf_ip_hook_priorities},
 * {@code enum nf_br_hook_priorities}); lower runs first.
 */
public final class Priority {

    public static final int FIRST = Integer.MIN_VALUE;
    public static final int LAST = Integer.MAX_VALUE;

    public static final int NF_IP_PRI_RAW = -300;
    public static final int NF_IP_PRI_CONNTRACK = -200;
    public static final int NF_IP_PRI_MANGLE = -150;
    public static final int NF_IP_PRI_NAT_DST = -100;
    public static final int NF_IP_PRI_FILTER = 0;
    public static final int NF_IP_PRI_SECURITY = 50;
    /** iptables-nft registers the security table at 150, not at {@code NF_IP_PRI_SECURITY}. */
    public static final int NFT_SECURITY = 150;
    public static final int NF_IP_PRI_NAT_SRC = 100;
    public static final int NF_IP_PRI_CONNTRACK_CONFIRM = LAST;

    public static final int NF_BR_PRI_NAT_DST_BRIDGED = -300;
    public static final int NF_BR_PRI_FILTER_BRIDGED = -200;
    public static final int NF_BR_PRI_BRNF = 0;
    public static final int NF_BR_PRI_NAT_DST_OTHER = 100;
    public static final int NF_BR_PRI_FILTER_OTHER = 200;
    public static final int NF_BR_PRI_NAT_SRC = 300;

    private Priority() {
    }
}
