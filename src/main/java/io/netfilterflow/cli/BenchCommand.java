package io.netfilterflow.cli;

import io.netfilterflow.netfilter.bridge.save.EbtablesSaveParser;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.nft.NftRulesetParser;
import io.netfilterflow.netfilter.nft.expr.NftProgram;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bench [--rulesets DIR] [--seconds N]}: parser throughput in lines per second for the
 * largest dump that loads and for a generated kube-proxy dump of 10,000 services; {@code bench --whole-process}
 * times whole processes instead ({@link WholeProcessBench}). A measurement to read, not a test: it never fails on a
 * figure.
 */
final class BenchCommand implements Cli.Command {

    static final int KUBE_SERVICES = 10_000;
    /** The anonymised MACs some published dumps carry; replaced by a valid one so the file can be timed. */
    private static final String ANONYMISED_MAC = "XX:XX:XX:XX:XX:XX";

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--whole-process")) {
            try {
                return WholeProcessBench.run(out, Integer.parseInt(option(args, "--rounds", "5")));
            } catch (IOException | InterruptedException e) {
                err.println("bench: " + e.getMessage());
                return 1;
            }
        }
        Path rulesets = Path.of(option(args, "--rulesets", "../shared/rulesets"));
        double seconds = Double.parseDouble(option(args, "--seconds", "3"));
        out.printf(Locale.ROOT, "netfilter-flow parser benchmark (%d s a measurement, after warm-up)%n", (long) seconds);
        out.printf(Locale.ROOT, "  JVM %s, max heap %d MB, GC %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")));
        largestFile(rulesets, seconds, out);
        String kube = KubeProxyDump.generate(KUBE_SERVICES);
        report(out, "generated kube-proxy dump, " + KUBE_SERVICES + " services", kube,
                text -> IptablesSaveParser.parse(text), seconds);
        report(out, "generated kube-proxy nftables listing, " + KUBE_SERVICES + " services (read and compiled)",
                KubeProxyNftDump.generate(KUBE_SERVICES), text -> NftProgram.of(NftRulesetParser.parse(text)), seconds);
        out.println();
        SimulationBench.run(out, seconds);
        return Cli.OK;
    }

    private static String option(List<String> args, String name, String fallback) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? args.get(index + 1) : fallback;
    }

    private void largestFile(Path dir, double seconds, PrintStream out) {
        if (!Files.isDirectory(dir)) {
            out.println("  (no rulesets directory at " + dir + "; pass --rulesets DIR)");
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".rules")).sorted(Comparator.comparingLong(BenchCommand::size)
                    .reversed()).toList();
        } catch (IOException e) {
            out.println("  (cannot list " + dir + ": " + e.getMessage() + ")");
            return;
        }
        for (Path file : files) {
            String text = read(file);
            boolean ebtables = file.getFileName().toString().contains("ebtables");
            Consumer<String> parser = ebtables ? EbtablesSaveParser::parse : IptablesSaveParser::parse;
            String note = "";
            try {
                parser.accept(text);
            } catch (RulesSyntaxException first) {
                if (!text.contains(ANONYMISED_MAC)) {
                    out.println("  skipped " + file.getFileName() + " (largest, but refused at line " + first.line()
                            + ": " + first.reason() + ")");
                    continue;
                }
                text = text.replace(ANONYMISED_MAC, "02:00:00:00:00:01");
                note = ", anonymised MACs replaced";
                try {
                    parser.accept(text);
                } catch (RulesSyntaxException again) {
                    out.println("  skipped " + file.getFileName() + " (largest, but refused at line " + again.line()
                            + ": " + again.reason() + ")");
                    continue;
                }
            }
            report(out, file.getFileName() + note, text, parser, seconds);
            return;
        }
    }

    private static void report(PrintStream out, String label, String text, Consumer<String> parser, double seconds) {
        long lines = text.chars().filter(c -> c == '\n').count();
        run(parser, text, seconds / 2); // warm-up
        long start = System.nanoTime();
        long runs = run(parser, text, seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "  %-60s %8d lines  %10.0f lines/s  (%.2f ms a parse, %d parses)%n", label, lines,
                lines * runs / elapsed, elapsed * 1000 / runs, runs);
    }

    private static long run(Consumer<String> parser, String text, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long runs = 0;
        do {
            parser.accept(text);
            runs++;
        } while (System.nanoTime() < deadline);
        return runs;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
