package io.netfilterflow.netfilter.ipv4;

import java.util.List;

/**
 * The iptables tables and the base chains each registers ({@code iptable_filter},
 * {@code iptable_nat}, ...), base chains in hook order, which is how iptables-save lists them.
 */
public enum IptTableName {
    FILTER("filter", List.of("INPUT", "FORWARD", "OUTPUT")),
    NAT("nat", List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING")),
    MANGLE("mangle", List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING")),
    RAW("raw", List.of("PREROUTING", "OUTPUT")),
    SECURITY("security", List.of("INPUT", "FORWARD", "OUTPUT"));

    private final String saveName;
    private final List<String> builtinChains;

    IptTableName(String saveName, List<String> builtinChains) {
        this.saveName = saveName;
        this.builtinChains = builtinChains;
    }

    public String saveName() {
        return saveName;
    }

    public List<String> builtinChains() {
        return builtinChains;
    }

    public boolean isBuiltin(String chain) {
        return builtinChains.contains(chain);
    }

    public static IptTableName bySaveName(String name) {
        for (IptTableName table : values()) {
            if (table.saveName.equals(name)) {
                return table;
            }
        }
        return null;
    }
}
