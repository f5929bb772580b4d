package io.netfilterflow.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code nft monitor trace} in the host's namespace: the nft backend's own account of each packet. */
final class NftMonitor implements KernelRecorder {

    private static final long QUIET_MILLIS = 150;
    private static final long PROGRAM_QUIET_MILLIS = 600;
    private static final long MAX_SETTLE_MILLIS = 3000;
    private static final long READY_MILLIS = 400;

    private final Lab lab;
    private final List<String> raw = new ArrayList<>();
    private Process process;
    private Thread reader;
    private volatile long lastEvent;

    NftMonitor(Lab lab) {
        this.lab = lab;
    }

    @Override
    public void start() {
        process = lab.start(lab.hostNamespace(), List.of("nft", "monitor", "trace"));
        reader = new Thread(this::read, "nft monitor trace");
        reader.setDaemon(true);
        reader.start();
        sleep(READY_MILLIS);
        if (!process.isAlive()) {
            throw new LabException("nft monitor trace stopped: " + String.join("\n", snapshot()));
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (raw) {
                    raw.add(line);
                }
                lastEvent = System.nanoTime();
            }
        } catch (IOException e) {
            // the monitor was stopped
        }
    }

    @Override
    public void settle(boolean programAnswers) {
        long quiet = programAnswers ? PROGRAM_QUIET_MILLIS : QUIET_MILLIS;
        long start = System.nanoTime();
        sleep(quiet);
        while (millisSince(lastEvent) < quiet && millisSince(start) < MAX_SETTLE_MILLIS) {
            sleep(20);
        }
    }

    @Override
    public List<String> lines() {
        NftTraceReader reader = new NftTraceReader();
        snapshot().forEach(reader::accept);
        return reader.lines();
    }

    private List<String> snapshot() {
        synchronized (raw) {
            return List.copyOf(raw);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted");
        }
    }
}
