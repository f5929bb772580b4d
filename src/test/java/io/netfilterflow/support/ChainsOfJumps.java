package io.netfilterflow.support;

/** Rulesets whose user chains jump one into the next, {@code BASE -> F0 -> F1 -> ... -> F(n-1)}: nf_tables' jump depth. */
public final class ChainsOfJumps {

    private ChainsOfJumps() {
    }

    /**
     * An {@code iptables-save} table of {@code chains} user chains, each one rule jumping ({@code -j}) or going
     * ({@code -g}) to the next; {@code base} (or none, when null) enters F0, before the others or last.
     */
    public static String iptables(String table, String base, int chains, String jump, boolean baseLast) {
        StringBuilder text = new StringBuilder("*" + table + "\n");
        for (int i = 0; i < chains; i++) {
            text.append(":F").append(i).append(" - [0:0]\n");
        }
        String entry = base == null ? "" : "-A " + base + " " + jump + " F0\n";
        text.append(baseLast ? "" : entry);
        for (int i = 0; i + 1 < chains; i++) {
            text.append("-A F").append(i).append(' ').append(jump).append(" F").append(i + 1).append('\n');
        }
        return text.append(baseLast ? entry : "").append("COMMIT\n").toString();
    }

    /**
     * FORWARD jumps to F0 and to F1, F1 -> ... -> F15, and last F0 -> F1, which makes the walk through F0
     * one deeper than the one that reached F1 directly.
     */
    public static String twoWalks() {
        StringBuilder two = new StringBuilder("*filter\n");
        for (int i = 0; i < 16; i++) {
            two.append(":F").append(i).append(" - [0:0]\n");
        }
        two.append("-A FORWARD -j F0\n-A FORWARD -j F1\n");
        for (int i = 1; i < 15; i++) {
            two.append("-A F").append(i).append(" -j F").append(i + 1).append('\n');
        }
        return two.append("-A F0 -j F1\nCOMMIT\n").toString();
    }

    /** An {@code ebtables-save} filter table, FORWARD -> F0 -> ... -> F(n-1). */
    public static String ebtables(int chains) {
        StringBuilder text = new StringBuilder("*filter\n:INPUT ACCEPT\n:FORWARD ACCEPT\n:OUTPUT ACCEPT\n");
        for (int i = 0; i < chains; i++) {
            text.append(":F").append(i).append(" RETURN\n");
        }
        text.append("-A FORWARD -j F0\n");
        for (int i = 0; i + 1 < chains; i++) {
            text.append("-A F").append(i).append(" -j F").append(i + 1).append('\n');
        }
        return text.toString();
    }
}
