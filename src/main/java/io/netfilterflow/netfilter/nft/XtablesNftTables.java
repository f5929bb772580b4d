package io.netfilterflow.netfilter.nft;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.Set;

/**
 * Tables that iptables-nft, ip6tables-nft, arptables-nft or ebtables-nft made ({@code nft_xt_*} compat in
 * the kernel): known by the warning nft prints above them ("managed by iptables-nft"), or by their built-in
 * base chains ({@code INPUT}, {@code FORWARD} ... in table {@code filter}, {@code nat} ...). They belong in
 * {@code host.iptables}/{@code host.ebtables} as save text, so they are refused by name with the tool whose
 * save output to give instead.
 */
final class XtablesNftTables {

    private static final Set<String> IPTABLES_TABLES = Set.of("filter", "nat", "mangle", "raw", "security");
    private static final Set<String> EBTABLES_TABLES = Set.of("filter", "nat", "broute");
    private static final Set<String> BUILTIN_CHAINS =
            Set.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING", "BROUTING");

    private XtablesNftTables() {
    }

    static RulesSyntaxException refusal(int line, NftFamily family, String table, String madeBy) {
        return new RulesSyntaxException(line, Problem.of("rules.nft-xtables-table", family, table, madeBy,
                saveTool(family)));
    }

    /** Refuses a base chain that only the xtables-nft tools make: a built-in chain of one of their tables. */
    static void checkChain(int line, NftFamily family, String table, String chain, NftBaseChain base) {
        if (base == null || !BUILTIN_CHAINS.contains(chain)) {
            return;
        }
        boolean xtables = switch (family) {
            case IP, IP6 -> IPTABLES_TABLES.contains(table);
            case BRIDGE -> EBTABLES_TABLES.contains(table);
            case ARP -> table.equals("filter");
            default -> false;
        };
        if (xtables) {
            throw refusal(line, family, table, saveTool(family).replace("-save", "-nft"));
        }
    }

    private static String saveTool(NftFamily family) {
        return switch (family) {
            case IP6 -> "ip6tables-save";
            case BRIDGE -> "ebtables-save";
            case ARP -> "arptables-save";
            default -> "iptables-save";
        };
    }
}
