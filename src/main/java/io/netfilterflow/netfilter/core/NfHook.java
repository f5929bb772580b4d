package io.netfilterflow.netfilter.core;

/**
 * The five hooks both families have ({@code NF_INET_*} and {@code NF_BR_*} share numbers), with the
 * chain name iptables and ebtables give each.
 */
public enum NfHook {
    PRE_ROUTING("PREROUTING"), LOCAL_IN("INPUT"), FORWARD("FORWARD"), LOCAL_OUT("OUTPUT"),
    POST_ROUTING("POSTROUTING");

    private final String chain;

    NfHook(String chain) {
        this.chain = chain;
    }

    public String chain() {
        return chain;
    }

    /** The hook nft names in lower case ({@code prerouting}, {@code input}). */
    public static NfHook byNftHook(String hook) {
        return byChain(hook.toUpperCase(java.util.Locale.ROOT));
    }

    public static NfHook byChain(String chain) {
        for (NfHook hook : values()) {
            if (hook.chain.equals(chain)) {
                return hook;
            }
        }
        return null;
    }
}
