package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.netfilter.core.NfHook;
import java.util.List;

/** The ebtables tables and their base chains ({@code ebtable_filter}, {@code ebtable_nat}, {@code ebtable_broute}). */
public enum EbtTableName {
    FILTER("filter", List.of("INPUT", "FORWARD", "OUTPUT"), false),
    NAT("nat", List.of("PREROUTING", "OUTPUT", "POSTROUTING"), false),
    /** {@code ebtable_broute}: a table of ebtables-legacy only; nft emulates it otherwise. */
    BROUTE("broute", List.of("BROUTING"), true);

    private final String saveName;
    private final List<String> builtinChains;
    private final boolean legacyOnly;

    EbtTableName(String saveName, List<String> builtinChains, boolean legacyOnly) {
        this.saveName = saveName;
        this.builtinChains = builtinChains;
        this.legacyOnly = legacyOnly;
    }

    /** Whether the backend's ebtables has this table. */
    public boolean existsOn(Backend backend) {
        return !legacyOnly || backend == Backend.LEGACY;
    }

    public String saveName() {
        return saveName;
    }

    public List<String> builtinChains() {
        return builtinChains;
    }

    /** The hook a base chain is registered at: broute's BROUTING runs in bridge PREROUTING ({@code ebt_ops_broute}). */
    public NfHook hook(String chain) {
        return chain.equals("BROUTING") ? NfHook.PRE_ROUTING : NfHook.byChain(chain);
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
