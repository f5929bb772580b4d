package io.netfilterflow.netfilter.bridge;

import java.util.List;

/** The ebtables tables and their base chains ({@code ebtable_filter}, {@code ebtable_nat}, {@code ebtable_broute}). */
public enum EbtTableName {
    FILTER("filter", List.of("INPUT", "FORWARD", "OUTPUT")),
    NAT("nat", List.of("PREROUTING", "OUTPUT", "POSTROUTING")),
    BROUTE("broute", List.of("BROUTING"));

    private final String saveName;
    private final List<String> builtinChains;

    EbtTableName(String saveName, List<String> builtinChains) {
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

    public static EbtTableName bySaveName(String name) {
        for (EbtTableName table : values()) {
            if (table.saveName.equals(name)) {
                return table;
            }
        }
        return null;
    }
}
