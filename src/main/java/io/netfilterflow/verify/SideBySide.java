package io.netfilterflow.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side diff of two conformance traces, aligned on their longest common subsequence:
 * {@code =} same line, {@code <} only the simulator's, {@code >} only the kernel's, {@code |} the
 * same chain with another verdict or packet. The differing lines follow in full, since the table
 * cuts long lines.
 */
public final class SideBySide {

    public static final int COLUMN = 78;
    private static final int MAX_IN_FULL = 12;

    /**
     * One row of the alignment: the simulator's line at {@code left} and the kernel's at {@code right} (an index
     * into each list, -1 for none), {@code mark} as in the table.
     */
    public record Pair(int left, char mark, int right) {

        public boolean same() {
            return mark == '=';
        }
    }

    private record Row(String left, char mark, String right) {
    }

    private SideBySide() {
    }

    public static String render(List<String> simulated, List<String> kernel) {
        List<Row> rows = align(simulated, kernel).stream().map(pair -> new Row(
                pair.left() < 0 ? "" : simulated.get(pair.left()), pair.mark(),
                pair.right() < 0 ? "" : kernel.get(pair.right()))).toList();
        StringBuilder out = new StringBuilder();
        out.append(cell("simulator")).append("   ").append("kernel").append('\n');
        out.append("-".repeat(COLUMN)).append("   ").append("-".repeat(COLUMN)).append('\n');
        rows.forEach(row -> out.append(cell(row.left())).append(' ').append(row.mark()).append(' ')
                .append(row.right()).append('\n'));
        List<Row> differing = rows.stream().filter(row -> row.mark() != '=').toList();
        if (!differing.isEmpty()) {
            out.append('\n').append(differing.size() > MAX_IN_FULL ? "first " + MAX_IN_FULL + " differing rows"
                    : "differing rows").append(", in full:\n");
            differing.stream().limit(MAX_IN_FULL).forEach(row -> {
                if (!row.left().isEmpty()) {
                    out.append(row.mark()).append(" simulator: ").append(row.left()).append('\n');
                }
                if (!row.right().isEmpty()) {
                    out.append(row.mark()).append(" kernel:    ").append(row.right()).append('\n');
                }
            });
        }
        return out.toString();
    }

    /** How many lines the two traces have in common, in order. */
    public static int common(List<String> simulated, List<String> kernel) {
        return lcs(simulated, kernel)[0][0];
    }

    /** {@code lcs[i][j]}: the longest common subsequence of the suffixes from {@code i} and {@code j}. */
    private static int[][] lcs(List<String> simulated, List<String> kernel) {
        int n = simulated.size();
        int m = kernel.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = simulated.get(i).equals(kernel.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        return lcs;
    }

    /**
     * The two traces side by side, by index; the caller bounds {@code simulated.size() * kernel.size()}, the
     * table's size.
     */
    public static List<Pair> align(List<String> simulated, List<String> kernel) {
        int n = simulated.size();
        int m = kernel.size();
        int[][] lcs = lcs(simulated, kernel);
        List<Pair> rows = new ArrayList<>();
        List<Integer> onlyLeft = new ArrayList<>();
        List<Integer> onlyRight = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && simulated.get(i).equals(kernel.get(j))) {
                flush(rows, simulated, onlyLeft, kernel, onlyRight);
                rows.add(new Pair(i, '=', j));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                onlyRight.add(j++);
            } else {
                onlyLeft.add(i++);
            }
        }
        flush(rows, simulated, onlyLeft, kernel, onlyRight);
        return rows;
    }

    /** Pairs lines that differ on the same chain, then shows the rest alone. */
    private static void flush(List<Pair> rows, List<String> simulated, List<Integer> left, List<String> kernel,
                              List<Integer> right) {
        int k = 0;
        while (k < left.size() && k < right.size()
                && chain(simulated.get(left.get(k))).equals(chain(kernel.get(right.get(k))))) {
            rows.add(new Pair(left.get(k), '|', right.get(k)));
            k++;
        }
        left.subList(k, left.size()).forEach(index -> rows.add(new Pair(index, '<', -1)));
        right.subList(k, right.size()).forEach(index -> rows.add(new Pair(-1, '>', index)));
        left.clear();
        right.clear();
    }

    /** {@code ip filter FORWARD}: the chain a line is about. */
    public static String chain(String line) {
        String[] words = line.split(" ", 4);
        return words.length < 3 ? line : words[0] + " " + words[1] + " " + words[2];
    }

    private static String cell(String text) {
        String cut = text.length() > COLUMN ? text.substring(0, COLUMN - 1) + "…" : text;
        return cut + " ".repeat(COLUMN - cut.length());
    }
}
