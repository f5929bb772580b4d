package io.netfilterflow.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side diff of two conformance traces, aligned on their longest common subsequence:
 * {@code =} same line, {@code <} only the simulator's, {@code >} only the kernel's, {@code |} the
 * same chain with another verdict or packet.
 */
public final class SideBySide {

    public static final int COLUMN = 78;

    private SideBySide() {
    }

    public static String render(List<String> simulated, List<String> kernel) {
        int n = simulated.size();
        int m = kernel.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = simulated.get(i).equals(kernel.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(cell("simulator")).append("   ").append("kernel").append('\n');
        out.append("-".repeat(COLUMN)).append("   ").append("-".repeat(COLUMN)).append('\n');
        List<String> onlyLeft = new ArrayList<>();
        List<String> onlyRight = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && simulated.get(i).equals(kernel.get(j))) {
                flush(out, onlyLeft, onlyRight);
                row(out, simulated.get(i), '=', kernel.get(j));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                onlyRight.add(kernel.get(j++));
            } else {
                onlyLeft.add(simulated.get(i++));
            }
        }
        flush(out, onlyLeft, onlyRight);
        return out.toString();
    }

    /** Pairs lines that differ on the same chain, then shows the rest alone. */
    private static void flush(StringBuilder out, List<String> left, List<String> right) {
        int k = 0;
        for (; k < left.size() && k < right.size(); k++) {
            boolean sameChain = chain(left.get(k)).equals(chain(right.get(k)));
            if (!sameChain) {
                break;
            }
            row(out, left.get(k), '|', right.get(k));
        }
        for (int a = k; a < left.size(); a++) {
            row(out, left.get(a), '<', "");
        }
        for (int b = k; b < right.size(); b++) {
            row(out, "", '>', right.get(b));
        }
        left.clear();
        right.clear();
    }

    private static String chain(String line) {
        String[] words = line.split(" ", 4);
        return words.length < 3 ? line : words[0] + " " + words[1] + " " + words[2];
    }

    private static void row(StringBuilder out, String left, char mark, String right) {
        out.append(cell(left)).append(' ').append(mark).append(' ').append(right).append('\n');
    }

    private static String cell(String text) {
        String cut = text.length() > COLUMN ? text.substring(0, COLUMN - 1) + "…" : text;
        return cut + " ".repeat(COLUMN - cut.length());
    }
}
