package io.netfilterflow.verify;

import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The legacy backend's account: x_tables TRACE lines in the kernel log. Logging from a namespace
 * needs {@code net.netfilter.nf_log_all_netns=1} (set for the run, then restored); the log is shared
 * by the whole machine, so one legacy replay runs at a time (a lock file) and only new records count.
 */
final class KernelLog implements KernelRecorder {

    private static final Path ALL_NETNS = Path.of("/proc/sys/net/netfilter/nf_log_all_netns");
    private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "netfilter-flow-kernel-log.lock");
    private static final long SETTLE_MILLIS = 250;
    private static final long PROGRAM_SETTLE_MILLIS = 700;

    private final IptablesRuleset rules;
    private FileChannel lockFile;
    private FileLock lock;
    private String previous;
    private long from;

    KernelLog(IptablesRuleset rules) {
        this.rules = rules;
    }

    @Override
    public void start() {
        try {
            lockFile = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockFile.lock();
            previous = Files.readString(ALL_NETNS).strip();
            Files.writeString(ALL_NETNS, "1");
        } catch (IOException e) {
            throw new LabException("cannot enable logging from namespaces (" + ALL_NETNS + "): " + e.getMessage());
        }
        from = lastSequence(records());
    }

    @Override
    public void settle(boolean programAnswers) {
        NftMonitor.sleep(programAnswers ? PROGRAM_SETTLE_MILLIS : SETTLE_MILLIS);
    }

    @Override
    public List<String> lines() {
        LegacyTraceReader reader = new LegacyTraceReader(rules);
        for (String record : records()) {
            int comma = record.indexOf(',');
            int second = record.indexOf(',', comma + 1);
            int semi = record.indexOf(';');
            if (comma < 0 || second < 0 || semi < second
                    || !record.substring(comma + 1, second).chars().allMatch(Character::isDigit)) {
                continue;
            }
            long seq = Long.parseLong(record.substring(comma + 1, second));
            if (seq > from) {
                reader.accept(record.substring(semi + 1));
            }
        }
        return reader.lines();
    }

    /** Every record in the kernel's buffer, {@code prio,seq,time,flags;message}, read without blocking. */
    private static List<String> records() {
        Shell.Result read = Shell.run(List.of("dd", "if=/dev/kmsg", "iflag=nonblock", "bs=65536", "status=none"),
                null);
        return read.out().lines().toList();
    }

    private static long lastSequence(List<String> records) {
        long last = -1;
        for (String record : records) {
            String[] parts = record.split(",", 3);
            if (parts.length == 3 && parts[1].chars().allMatch(Character::isDigit)) {
                last = Math.max(last, Long.parseLong(parts[1]));
            }
        }
        return last;
    }

    @Override
    public void close() {
        try {
            if (previous != null) {
                Files.writeString(ALL_NETNS, previous);
            }
            if (lock != null) {
                lock.release();
                lockFile.close();
            }
        } catch (IOException e) {
            // the machine keeps logging from namespaces; nothing of ours is left behind
        }
    }
}
