package io.netfilterflow.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code load --stalled N} and {@code load --dropped N [--pid PID]}: clients that ask for a large stream
 * (generated, {@link LargeScenario}) and never read it, or read its first hop and leave, against a running
 * server; the figures are a normal client's stream beside them and the server's heap after a full collection
 * before and after (with {@code --pid}, through {@code jcmd}). Exits 1 when a goal is missed: with stalled
 * clients connected the normal stream completes in under 200 ms and the heap comes back within 20 MB once they
 * have gone; after the dropped streams, health and a normal stream answer within 2 s and the heap comes back.
 */
final class SlowClientsLoad {

    private static final long NORMAL_GOAL_NANOS = 200_000_000L;
    private static final long RECOVERY_GOAL_NANOS = 2_000_000_000L;
    private static final long HEAP_GOAL_BYTES = 20L << 20;
    private static final long SETTLE_LIMIT_NANOS = 300_000_000_000L;

    private URI base;
    private InetSocketAddress address;
    private byte[] normal;
    private ServerProcess server;
    private boolean missed;

    int run(List<String> args, PrintStream out, PrintStream err) {
        base = URI.create(LoadCommand.option(args, "--url", "http://127.0.0.1:8080"));
        address = new InetSocketAddress(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
        String pid = LoadCommand.option(args, "--pid", null);
        server = pid == null ? null : new ServerProcess(Long.parseLong(pid));
        int rules = Integer.parseInt(LoadCommand.option(args, "--log-rules", "40"));
        int packets = Integer.parseInt(LoadCommand.option(args, "--packets", "100"));
        try {
            byte[] preset = LoadCommand.bundled();
            normal = LoadCommand.request(base, preset);
            byte[] large = LoadCommand.request(base, LargeScenario.of(preset, rules, packets));
            int clients = Math.max(count(args, "--stalled", 100), count(args, "--dropped", 500));
            warmUp(large, clients, out);
            long heap = heap("at the start", out);
            if (args.contains("--stalled")) {
                stalled(count(args, "--stalled", 100), large, heap, out);
            }
            if (args.contains("--dropped")) {
                dropped(count(args, "--dropped", 500), large, heap, out);
            }
        } catch (IOException e) {
            err.println("load: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return missed ? 1 : Cli.OK;
    }

    private static int count(List<String> args, String name, int fallback) {
        return args.contains(name) ? Integer.parseInt(LoadCommand.option(args, name, Integer.toString(fallback))) : 0;
    }

    /**
     * Both JVMs compiled, the large scenario parsed and cached, and the container's per-connection objects
     * made for as many connections as the test opens (it keeps them for the next burst) before the heap's
     * start is read.
     */
    private void warmUp(byte[] large, int clients, PrintStream out) throws IOException, InterruptedException {
        for (int i = 0; i < 20; i++) {
            LoadCommand.round(address, normal, 50);
        }
        LoadCommand.round(address, normal, clients);
        StreamProbe full = LoadCommand.round(address, large, 1).get(0);
        out.printf(Locale.ROOT, "large stream: %d hops, read in full in %.0f ms%n", full.hops,
                (full.endNanos - full.startNanos) / 1e6);
        settle(out);
    }

    private void stalled(int clients, byte[] large, long heapStart, PrintStream out)
            throws IOException, InterruptedException {
        List<SocketChannel> stalled = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            stalled.add(neverReading(large));
        }
        out.printf(Locale.ROOT, "%d clients asked for the large stream and read nothing (%.0f ms to send)%n",
                clients, (System.nanoTime() - start) / 1e6);
        out.printf(Locale.ROOT, "  a normal stream at once, while the server produces theirs: %.1f ms%n",
                normalStream() / 1e6);
        settle(out);
        heap("with them connected", out);
        double worst = 0;
        StringBuilder times = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            double ms = normalStream() / 1e6;
            worst = Math.max(worst, ms);
            times.append(String.format(Locale.ROOT, " %.1f", ms));
        }
        goal(worst * 1e6 < NORMAL_GOAL_NANOS, out, "normal streams beside %d stalled clients (ms):%s; max %.1f ms "
                + "(goal < 200 ms)", clients, times, worst);
        for (SocketChannel channel : stalled) {
            channel.close();
        }
        Thread.sleep(1000);
        settle(out);
        heapBack(heapStart, "after the stalled clients left", out);
    }

    private void dropped(int clients, byte[] large, long heapStart, PrintStream out)
            throws IOException, InterruptedException {
        List<StreamProbe> probes = LoadCommand.round(address, large, clients, true);
        long left = probes.stream().mapToLong(p -> p.endNanos).max().orElse(System.nanoTime());
        out.printf(Locale.ROOT, "%d clients read the first hop of the large stream and left (%d of them as asked)%n",
                clients, probes.stream().filter(StreamProbe::left).count());
        probes.stream().filter(p -> !p.left()).map(p -> p.problem == null ? "no first hop" : p.problem).distinct()
                .limit(3).forEach(problem -> out.println("  the others: " + problem));
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("/actuator/health")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        long healthAt = System.nanoTime();
        normalStream();
        long streamAt = System.nanoTime();
        goal(health.statusCode() == 200 && streamAt - left < RECOVERY_GOAL_NANOS, out,
                "right after: health %d in %.0f ms, then a normal stream done %.0f ms after they left (goal < 2 s)",
                health.statusCode(), (healthAt - left) / 1e6, (streamAt - left) / 1e6);
        settle(out);
        heapBack(heapStart, "after the dropped streams", out);
    }

    /** Completion time of one normal stream; a failed one counts as missing the goal. */
    private long normalStream() throws IOException {
        StreamProbe probe = LoadCommand.round(address, normal, 1).get(0);
        if (!probe.ok()) {
            throw new IOException("the normal stream failed: " + probe.problem);
        }
        return probe.endNanos - probe.startNanos;
    }

    /** Sends the request and never reads: the receive buffer is kept small, so it is full at once. */
    private SocketChannel neverReading(byte[] request) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
        channel.connect(address);
        channel.write(ByteBuffer.wrap(request));
        return channel;
    }

    private void settle(PrintStream out) throws IOException, InterruptedException {
        if (server == null) {
            Thread.sleep(5000);
            return;
        }
        long waited = server.awaitIdle(SETTLE_LIMIT_NANOS);
        out.printf(Locale.ROOT, "  server idle after %.1f s%n", waited / 1e9);
    }

    private long heap(String when, PrintStream out) throws IOException {
        if (server == null) {
            return -1;
        }
        long heap = server.heapAfterFullGc();
        out.printf(Locale.ROOT, "server heap after a full GC %s: %.1f MB%n", when, heap / 1048576.0);
        return heap;
    }

    private void heapBack(long heapStart, String when, PrintStream out) throws IOException {
        if (server == null) {
            out.println("server heap: not measured (give --pid PID of the server)");
            return;
        }
        long heap = server.heapAfterFullGc();
        goal(heap - heapStart < HEAP_GOAL_BYTES, out,
                "server heap after a full GC %s: %.1f MB (%+.1f MB from the start; goal within 20 MB)", when,
                heap / 1048576.0, (heap - heapStart) / 1048576.0);
    }

    private void goal(boolean met, PrintStream out, String format, Object... args) {
        missed |= !met;
        out.printf(Locale.ROOT, format + (met ? "" : "  MISSED") + "%n", args);
    }
}
