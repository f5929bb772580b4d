package io.netfilterflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code load [--url URL] [--streams N] [--scenario FILE] [--warmup ROUNDS]}: after a few warm-up rounds of
 * up to 500 streams (for this JVM's JIT and the server's), opens N hop streams at once against a running
 * server and prints the time from connecting to the first {@code hop} event (p50, p95, max) and the
 * errors: a status other than 200, an {@code error} event, a stream that ends without {@code done}, or a
 * failed connection. One thread and a selector read every stream, so the client costs the machine little
 * next to the server it measures. A measurement to read; it exits 1 when any stream failed. With
 * {@code --stalled N} or {@code --dropped N} it measures slow and leaving clients instead ({@link SlowClientsLoad}).
 */
final class LoadCommand implements Cli.Command {

    private static final String DEFAULT_SCENARIO = "/scenarios/docker-wan-published.json";
    private static final long DEADLINE_NANOS = 120_000_000_000L;

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--stalled") || args.contains("--dropped")) {
            return new SlowClientsLoad().run(args, out, err);
        }
        URI base = URI.create(option(args, "--url", "http://127.0.0.1:8080"));
        int streams = Integer.parseInt(option(args, "--streams", "2000"));
        String scenarioFile = option(args, "--scenario", null);
        byte[] request;
        try {
            byte[] scenario = scenarioFile == null ? bundled() : Files.readAllBytes(Path.of(scenarioFile));
            request = request(base, scenario);
        } catch (IOException e) {
            err.println("load: cannot read " + scenarioFile + ": " + e.getMessage());
            return Cli.INVALID_INPUT;
        }
        int warmup = Integer.parseInt(option(args, "--warmup", "8"));
        InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
        try {
            for (int round = 0; round < warmup; round++) {
                List<StreamProbe> probes = round(address, request, streams);
                if (probes.stream().noneMatch(StreamProbe::ok)) {
                    report(probes, 0, out);
                    return 1;
                }
            }
            out.printf(Locale.ROOT, "opening %d streams at once against %s/api/simulations (after %d warm-up rounds)%n",
                    streams, base, warmup);
            long start = System.nanoTime();
            long cpu = processCpuNanos();
            List<StreamProbe> probes = round(address, request, streams);
            report(probes, (System.nanoTime() - start) / 1e9, out);
            out.printf(Locale.ROOT, "this client used %.0f ms of CPU during the round (it shares the machine)%n",
                    (processCpuNanos() - cpu) / 1e6);
            return probes.stream().allMatch(StreamProbe::ok) ? Cli.OK : 1;
        } catch (IOException e) {
            err.println("load: " + e.getMessage());
            return 1;
        }
    }

    /** Opens {@code streams} streams at once and reads them all to their end. */
    static List<StreamProbe> round(InetSocketAddress address, byte[] request, int streams) throws IOException {
        return round(address, request, streams, false);
    }

    /** Opens {@code streams} streams at once and reads them to their end, or only to their first hop. */
    static List<StreamProbe> round(InetSocketAddress address, byte[] request, int streams, boolean leaveAfterFirstHop)
            throws IOException {
        List<StreamProbe> probes = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            long start = System.nanoTime();
            for (int i = 0; i < streams; i++) {
                StreamProbe probe = new StreamProbe(request, leaveAfterFirstHop);
                probes.add(probe);
                probe.open(selector, address);
            }
            loop(selector, probes, start);
        }
        return probes;
    }

    private static void loop(Selector selector, List<StreamProbe> probes, long start) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long open = probes.stream().filter(p -> !p.finished).count();
        while (open > 0 && System.nanoTime() - start < DEADLINE_NANOS) {
            selector.select(1000);
            for (SelectionKey key : selector.selectedKeys()) {
                StreamProbe probe = (StreamProbe) key.attachment();
                probe.ready(key, buffer);
                if (probe.finished) {
                    open--;
                }
            }
            selector.selectedKeys().clear();
        }
        probes.stream().filter(p -> !p.finished).forEach(p -> p.fail("no answer within 120 s"));
    }

    private static void report(List<StreamProbe> probes, double wall, PrintStream out) {
        double[] firstHop = probes.stream().filter(p -> p.firstHopNanos > 0)
                .mapToDouble(p -> (p.firstHopNanos - p.startNanos) / 1e6).sorted().toArray();
        long errors = probes.stream().filter(p -> !p.ok()).count();
        long hops = probes.stream().mapToLong(p -> p.hops).sum();
        out.printf(Locale.ROOT, "time to first hop: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d streams)%n",
                percentile(firstHop, 50), percentile(firstHop, 95), percentile(firstHop, 100), firstHop.length);
        out.printf(Locale.ROOT, "all streams done in %.2f s; %d hop events; errors: %d%n", wall, hops, errors);
        probes.stream().filter(p -> !p.ok()).map(p -> p.problem).distinct().limit(5)
                .forEach(problem -> out.println("  error: " + problem));
    }

    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static byte[] request(URI base, byte[] scenario) {
        String head = "POST /api/simulations HTTP/1.1\r\nHost: " + base.getAuthority()
                + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: "
                + scenario.length + "\r\nConnection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + scenario.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(scenario, 0, all, headBytes.length, scenario.length);
        return all;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static byte[] bundled() throws IOException {
        try (InputStream in = LoadCommand.class.getResourceAsStream(DEFAULT_SCENARIO)) {
            return in.readAllBytes();
        }
    }

    static String option(List<String> args, String name, String fallback) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? args.get(index + 1) : fallback;
    }
}
