package io.netfilterflow.netfilter.ipv4;

import java.util.Map;
import java.util.Set;

/**
 * Where the kernel lets an extension be used: the table its {@code xt_target.table} names and
 * the hooks in its {@code .hooks} mask. A rule breaking them is refused at load, so it is here too.
 */
public final class HookRestrictions {

    /** An extension's allowed tables (empty: any) and base chains (empty: any). */
    public record Restriction(Set<IptTableName> tables, Set<String> hooks) {
    }

    private static Restriction in(IptTableName table, String... hooks) {
        return new Restriction(Set.of(table), Set.of(hooks));
    }

    private static Restriction anyTable(String... hooks) {
        return new Restriction(Set.of(), Set.of(hooks));
    }

    private static final Map<String, Restriction> TARGETS = Map.ofEntries(
            Map.entry("DNAT", in(IptTableName.NAT, "PREROUTING", "OUTPUT")),
            Map.entry("REDIRECT", in(IptTableName.NAT, "PREROUTING", "OUTPUT")),
            Map.entry("SNAT", in(IptTableName.NAT, "POSTROUTING", "INPUT")),
            Map.entry("MASQUERADE", in(IptTableName.NAT, "POSTROUTING")),
            Map.entry("CT", in(IptTableName.RAW)),
            Map.entry("NOTRACK", in(IptTableName.RAW)),
            Map.entry("TRACE", in(IptTableName.RAW)),
            Map.entry("CHECKSUM", in(IptTableName.MANGLE)),
            Map.entry("REJECT", anyTable("INPUT", "FORWARD", "OUTPUT")),
            Map.entry("TCPMSS", anyTable("FORWARD", "OUTPUT", "POSTROUTING")));

    private static final Map<String, Restriction> MATCHES = Map.of(
            "rpfilter", new Restriction(Set.of(IptTableName.RAW, IptTableName.MANGLE), Set.of("PREROUTING")),
            "owner", anyTable("OUTPUT", "POSTROUTING"),
            "mac", anyTable("PREROUTING", "INPUT", "FORWARD"));

    private HookRestrictions() {
    }

    public static Restriction forTarget(String name) {
        return TARGETS.get(name);
    }

    public static Restriction forMatch(String name) {
        return MATCHES.get(name);
    }
}
