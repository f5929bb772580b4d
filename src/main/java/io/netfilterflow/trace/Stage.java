package io.netfilterflow.trace;

/**
 * Where on the path a step happens: the family and hook, and for a chain its table, chain and
 * priority. Null parts do not apply (routing has no table).
 */
public record Stage(String family, String hook, Integer priority, String table, String chain) {

    public static Stage of(String family, String hook) {
        return new Stage(family, hook, null, null, null);
    }

    /** {@code ip filter FORWARD}, as the conformance format names a chain. */
    public String chainName() {
        return family + " " + table + " " + chain;
    }
}
