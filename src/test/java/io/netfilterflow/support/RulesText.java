package io.netfilterflow.support;

import io.netfilterflow.netfilter.ipv4.IptTableName;

/** Builds small iptables-save texts around the rules a test is about. */
public final class RulesText {

    private RulesText() {
    }

    /**
     * A table with all its base chains, user chains {@code user} and {@code other}, and the rules.
     * The table line is line 1, so the first rule is on line {@code 2 + base chains + 2}.
     */
    public static String table(String table, String... rules) {
        IptTableName name = IptTableName.bySaveName(table);
        StringBuilder text = new StringBuilder("*").append(table).append('\n');
        for (String chain : name.builtinChains()) {
            text.append(':').append(chain).append(" ACCEPT [0:0]\n");
        }
        text.append(":other - [0:0]\n:user - [0:0]\n");
        for (String rule : rules) {
            text.append(rule).append('\n');
        }
        return text.append("COMMIT\n").toString();
    }

    /** The line number of the first rule in {@link #table}. */
    public static int firstRuleLine(String table) {
        return 2 + IptTableName.bySaveName(table).builtinChains().size() + 2;
    }

    /** Removes what iptables-save adds that carries no meaning: comment lines, blank lines, trailing blanks. */
    public static String normalized(String saveOutput) {
        StringBuilder out = new StringBuilder();
        for (String line : saveOutput.split("\n", -1)) {
            String trimmed = line.stripTrailing();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                out.append(trimmed).append('\n');
            }
        }
        return out.toString();
    }
}
