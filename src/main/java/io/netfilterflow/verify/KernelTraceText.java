package io.netfilterflow.verify;

import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A kernel trace as a person pastes it: {@code nft monitor trace} output, or the kernel log with x_tables TRACE
 * lines ({@code dmesg}, {@code journalctl -k}), told apart by its lines. Read into the conformance format by
 * {@link NftTraceReader} or {@link LegacyTraceReader}; lines that are neither (a prompt, other kernel messages)
 * are skipped and counted; a text with both kinds, or none, is refused.
 */
public final class KernelTraceText {

    /** Skipped lines named by number, at most. */
    static final int NAMED_SKIPPED = 20;

    /** Which tool's text it is. */
    public enum Format {
        NFT_MONITOR("nft monitor trace"),
        KERNEL_LOG("kernel log TRACE");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The trace read: its conformance lines, and for each the text line (from 1) it came from; the lines that
     * were not trace lines (how many, the first few by number); the tables that only turn tracing on.
     */
    public record Read(Format format, List<String> lines, List<Integer> sourceLines, int skipped,
                       List<Integer> skippedLines, Set<String> tracingTables) {

        public Read {
            lines = List.copyOf(lines);
            sourceLines = List.copyOf(sourceLines);
            skippedLines = List.copyOf(skippedLines);
            tracingTables = Set.copyOf(tracingTables);
        }
    }

    /** Why a text is not a trace this reader takes, at its line (0: the text as a whole). */
    public static final class Refused extends RuntimeException implements Refusal {

        private final int line;
        private final transient Problem problem;

        Refused(int line, Problem problem) {
            super(problem.toString(), null, false, false);
            this.line = line;
            this.problem = problem;
        }

        public int line() {
            return line;
        }

        /** Whether a budget refused it (413 for the API), not its content. */
        public boolean tooLarge() {
            return problem.key().equals("api.trace.too-many-lines") || problem.key().equals("api.trace.too-many-pairs");
        }

        @Override
        public Problem problem() {
            return problem;
        }
    }

    private KernelTraceText() {
    }

    /**
     * Reads at most {@code maxLines} lines of text; legacy TRACE lines take their rules from {@code rules}.
     *
     * @throws Refused more lines than that, no trace line, or both kinds of trace lines
     */
    public static Read read(String text, IptablesRuleset rules, int maxLines) {
        NftTraceReader nft = new NftTraceReader();
        LegacyTraceReader legacy = new LegacyTraceReader(rules);
        Format format = null;
        List<Integer> sources = new ArrayList<>();
        List<Integer> skippedLines = new ArrayList<>();
        int skipped = 0;
        int number = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            if (++number > maxLines) {
                throw new Refused(number, Problem.of("api.trace.too-many-lines", maxLines));
            }
            Format kind = NftTraceReader.isTraceLine(line) ? Format.NFT_MONITOR
                    : LegacyTraceReader.isTraceLine(line) ? Format.KERNEL_LOG : null;
            if (kind == null) {
                if (!line.isBlank() && skipped++ < NAMED_SKIPPED) {
                    skippedLines.add(number);
                }
                continue;
            }
            if (format != null && kind != format) {
                throw new Refused(number, Problem.of("api.trace.mixed", kind.label(), format.label()));
            }
            format = kind;
            int before = kind == Format.NFT_MONITOR ? nft.size() : legacy.size();
            if (kind == Format.NFT_MONITOR) {
                nft.accept(line);
            } else {
                legacy.accept(line);
            }
            int after = kind == Format.NFT_MONITOR ? nft.size() : legacy.size();
            for (int i = before; i < after; i++) {
                sources.add(number);
            }
        }
        if (format == null) {
            throw new Refused(0, Problem.of("api.trace.no-trace-lines"));
        }
        return format == Format.NFT_MONITOR
                ? new Read(format, nft.lines(), sources, skipped, skippedLines, nft.tracingTables())
                : new Read(format, legacy.lines(), sources, skipped, skippedLines, Set.of());
    }
}
