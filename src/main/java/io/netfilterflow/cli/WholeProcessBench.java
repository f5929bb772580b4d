package io.netfilterflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench --whole-process}: what a user waits for, as whole processes timed by GNU time (wall, CPU, peak
 * memory; medians of a few rounds): {@code check} of generated kube-proxy dumps of 70k and 430k lines beside the
 * kernel's own tool on the same files ({@code iptables-nft-restore --test}, in a network namespace of its own,
 * where it is installed and we are root; the two run in turn, round by round), {@code check} of a 30-line file
 * and {@code trace} of a preset, and the server's start to a healthy {@code /actuator/health}. The quick start
 * beside the jar ({@code target/netfilter-flow}) is timed where the build made one, and {@code java -jar} beside it
 * for the small runs.
 */
final class WholeProcessBench {

    private static final Path TIME = Path.of("/usr/bin/time");

    /** One process's figures, from GNU time. */
    record Run(double wallSeconds, double cpuSeconds, long peakKilobytes) {
    }

    private final Path dir;
    private final int rounds;

    private WholeProcessBench(Path dir, int rounds) {
        this.dir = dir;
        this.rounds = rounds;
    }

    static int run(PrintStream out, int rounds) throws IOException, InterruptedException {
        if (!Files.isExecutable(TIME)) {
            out.println("bench --whole-process needs GNU time at /usr/bin/time (Debian package time)");
            return Cli.USAGE;
        }
        if (ThisProgram.jar().isEmpty()) {
            out.println("bench --whole-process times the jar: run it as java -jar target/netfilter-flow.jar bench --whole-process");
            return Cli.USAGE;
        }
        Path dir = Files.createTempDirectory("netfilter-flow-bench");
        try {
            new WholeProcessBench(dir, rounds).measure(out);
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return Cli.OK;
    }

    private void measure(PrintStream out) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "whole processes, median of %d rounds (wall s, CPU s, peak MB); %s%n", rounds,
                ThisProgram.launcher().map(launcher -> "our side started by " + launcher).orElse("our side started by java -jar"));
        boolean reference = Files.isExecutable(Path.of("/usr/sbin/iptables-nft-restore"))
                && "root".equals(System.getProperty("user.name"));
        if (!reference) {
            out.println("  (no reference: iptables-nft-restore --test needs the iptables package and root)");
        }
        for (int services : new int[] {10_000, 61_429}) {
            Path dump = write("kube-proxy-" + services + ".rules", KubeProxyDump.generate(services));
            long lines = Files.readAllLines(dump).size();
            List<String> check = program("check", dump.toString());
            List<String> restore = List.of("unshare", "--net", "iptables-nft-restore", "--test", dump.toString());
            List<Run> ourRuns = new ArrayList<>();
            List<Run> theirRuns = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                // one of each in turn: a change in the machine's load while they run falls on both sides alike
                ourRuns.add(time(check));
                if (reference) {
                    theirRuns.add(time(restore));
                }
            }
            Run ours = middle(ourRuns);
            print(out, "check, kube-proxy dump of " + lines + " lines", ours);
            if (reference) {
                Run theirs = middle(theirRuns);
                print(out, "iptables-nft-restore --test, the same file (in turn)", theirs);
                out.printf(Locale.ROOT, "  %-58s %.2f× wall, %.2f× CPU%n", "  iptables-nft-restore / check:",
                        theirs.wallSeconds() / ours.wallSeconds(), theirs.cpuSeconds() / ours.cpuSeconds());
            }
        }
        Path small = write("small.rules", KubeProxyDump.generate(2));
        Path preset = write("docker-wan-published.json", resource("/scenarios/docker-wan-published.json"));
        for (boolean quick : quickAndPlain()) {
            String how = quick ? "" : " (java -jar)";
            print(out, "check, a file of " + Files.readAllLines(small).size() + " lines" + how,
                    median(program(quick, "check", small.toString())));
            print(out, "trace of the preset docker-wan-published" + how, median(program(quick, "trace", preset.toString())));
        }
        for (boolean quick : quickAndPlain()) {
            out.printf(Locale.ROOT, "  %-58s %6.2f s wall%n", "server start to /actuator/health UP" + (quick ? "" : " (java -jar)"),
                    ServerStart.median(program(quick), dir, rounds));
        }
    }

    /** The quick start first, where the build made one, then java -jar. */
    private static List<Boolean> quickAndPlain() {
        return ThisProgram.launcher().isPresent() ? List.of(true, false) : List.of(false);
    }

    private static List<String> program(String... args) {
        return program(ThisProgram.launcher().isPresent(), args);
    }

    private static List<String> program(boolean quick, String... args) {
        List<String> command = quick ? new ArrayList<>(List.of(ThisProgram.launcher().orElseThrow().toString()))
                : ThisProgram.command();
        command.addAll(List.of(args));
        return command;
    }

    private Run median(List<String> command) throws IOException, InterruptedException {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            runs.add(time(command));
        }
        return middle(runs);
    }

    /** Each figure's median over the runs. */
    private static Run middle(List<Run> runs) {
        double[] wall = runs.stream().mapToDouble(Run::wallSeconds).sorted().toArray();
        double[] cpu = runs.stream().mapToDouble(Run::cpuSeconds).sorted().toArray();
        long[] peak = runs.stream().mapToLong(Run::peakKilobytes).sorted().toArray();
        return new Run(wall[wall.length / 2], cpu[cpu.length / 2], peak[peak.length / 2]);
    }

    /** The command run once under GNU time; its own output discarded, a failure said. */
    private Run time(List<String> command) throws IOException, InterruptedException {
        Path report = dir.resolve("time.txt");
        List<String> timed = new ArrayList<>(List.of(TIME.toString(), "-o", report.toString(), "-f", "%e %U %S %M"));
        timed.addAll(command);
        Process process = new ProcessBuilder(timed).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        List<String> lines = Files.readAllLines(report);
        String[] figures = lines.get(lines.size() - 1).trim().split(" ");
        if (exit != 0 || figures.length != 4) {
            throw new IOException(String.join(" ", command) + " failed (exit " + exit + "): " + String.join(" ", lines));
        }
        return new Run(Double.parseDouble(figures[0]), Double.parseDouble(figures[1]) + Double.parseDouble(figures[2]),
                Long.parseLong(figures[3]));
    }

    private static void print(PrintStream out, String label, Run run) {
        out.printf(Locale.ROOT, "  %-58s %6.2f s wall  %6.2f s CPU  %5d MB peak%n", label, run.wallSeconds(),
                run.cpuSeconds(), run.peakKilobytes() / 1024);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WholeProcessBench.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
