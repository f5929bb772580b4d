package io.netfilterflow.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under load, seen from outside: its heap after a full collection ({@code jcmd PID GC.run}, then
 * {@code GC.heap_info}) and the processor time it has used ({@code /proc/PID/stat}). Needs the JDK's
 * {@code jcmd} and the same user as the server.
 */
final class ServerProcess {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux

    private final long pid;

    ServerProcess(long pid) {
        this.pid = pid;
    }

    /** Bytes of heap in use right after a full collection; metaspace not counted. */
    long heapAfterFullGc() throws IOException {
        jcmd("GC.run");
        long kilobytes = 0;
        for (String line : jcmd("GC.heap_info")) {
            String trimmed = line.trim();
            Matcher used = USED.matcher(trimmed);
            if (!trimmed.startsWith("Metaspace") && !trimmed.startsWith("class space") && used.find()) {
                kilobytes += Long.parseLong(used.group(1));
            }
        }
        return kilobytes * 1024;
    }

    /** Processor time the server has used so far. */
    long cpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
    }

    /**
     * Waits until the server has used less than a tenth of a processor over half a second: the work the load
     * asked for is done. Returns the time waited, or -1 when it was still busy after {@code limitNanos}.
     */
    long awaitIdle(long limitNanos) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long cpu = cpuNanos();
        while (System.nanoTime() - start < limitNanos) {
            Thread.sleep(500);
            long now = cpuNanos();
            if (now - cpu < 50_000_000L) {
                return System.nanoTime() - start;
            }
            cpu = now;
        }
        return -1;
    }

    private List<String> jcmd(String command) throws IOException {
        Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().forEach(lines::add);
        }
        try {
            if (process.waitFor() != 0) {
                throw new IOException("jcmd " + pid + " " + command + " failed: " + String.join(" ", lines));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for jcmd", e);
        }
        return lines;
    }
}
