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
        Restriction(IptTableName table, Set<String> hooks) {
            this(table == null ? Set.of() : Set.of(table), hooks);
        }
    }

    private static final Set<String> ANY = Set.of();

    private static final Map<String, Restriction> TARGETS = Map.ofEntries(
            Map.entry("DNAT", new Restriction(IptTableName.NAT, Set.of("PREROUTING", "OUTPUT"))),
            Map.entry("REDIRECT", new Restriction(IptTableName.NAT, Set.of("PREROUTING", "OUTPUT"))),
            Map.entry("SNAT", new Restriction(IptTableName.NAT, Set.of("POSTROUTING", "INPUT"))),
            Map.entry("MASQUERADE", new Restriction(IptTableName.NAT, Set.of("POSTROUTING"))),
            Map.entry("CT", new Restriction(IptTableName.RAW, ANY)),
            Map.entry("NOTRACK", new Restriction(IptTableName.RAW, ANY)),
            Map.entry("TRACE", new Restriction(IptTableName.RAW, ANY)),
            Map.entry("CHECKSUM", new Restriction(IptTableName.MANGLE, ANY)),
            Map.entry("REJECT", new Restriction((IptTableName) null, Set.of("INPUT", "FORWARD", "OUTPUT"))),
            Map.entry("TCPMSS", new Restriction((IptTableName) null, Set.of("FORWARD", "OUTPUT", "POSTROUTING"))));

    private static final Map<String, Restriction> MATCHES = Map.of(
            "rpfilter", new Restriction(Set.of(IptTableName.RAW, IptTableName.MANGLE), Set.of("PREROUTING")),
            "owner", new Restriction((IptTableName) null, Set.of("OUTPUT", "POSTROUTING")),
            "mac", new Restriction((IptTableName) null, Set.of("PREROUTING", "INPUT", "FORWARD")));

    private HookRestrictions() {
    }

    public static Restriction forTarget(String name) {
        return TARGETS.get(name);
    }

    public static Restriction forMatch(String name) {
        return MATCHES.get(name);
    }
}
