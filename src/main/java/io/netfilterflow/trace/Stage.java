package io.netfilterflow.trace;

/**
 * Where on the path a step happens: the family and hook, and for a chain its table, chain and
 * priority. Null parts do not apply (routing has no table). {@code base} is the base chain of a native
 * nftables table (a table may register several on one hook); null for the tables of iptables and ebtables,
 * whose base chain is the hook's.
 */
public record Stage(String family, String hook, Integer priority, String table, String chain, String base) {

    public Stage(String family, String hook, Integer priority, String table, String chain) {
        this(family, hook, priority, table, chain, null);
    }

    public static Stage of(String family, String hook) {
        return new Stage(family, hook, null, null, null);
    }

    /** {@code ip filter FORWARD}, as the conformance format names a chain. */
    public String chainName() {
        return family + " " + table + " " + chain;
    }
}
