package io.netfilterflow.packet;

import io.netfilterflow.problem.InvalidValue;
import java.util.Locale;
import java.util.StringJoiner;

/** The TCP header flags, numbered as the header (and iptables' tcp match) numbers them, and their names. */
public final class TcpFlag {

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;

    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG"};

    private TcpFlag() {
    }

    /** {@code SYN}, {@code SYN,ACK}, {@code ACK|PSH}; names in any case. */
    public static int parse(String text) {
        int flags = 0;
        for (String part : text.split("[,|+ ]")) {
            if (part.isEmpty()) {
                continue;
            }
            int bit = bit(part.toUpperCase(Locale.ROOT));
            if (bit < 0) {
                throw new InvalidValue("net.not-a-tcp-flag", part);
            }
            flags |= bit;
        }
        if (flags == 0) {
            throw new InvalidValue("net.no-tcp-flag", text);
        }
        return flags;
    }

    /** The bit of an upper-case flag name, or -1. */
    public static int bit(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return 1 << i;
            }
        }
        return -1;
    }

    /** Names in bit order, comma-separated; empty for no flag. */
    public static String format(int flags) {
        StringJoiner out = new StringJoiner(",");
        for (int i = 0; i < NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                out.add(NAMES[i]);
            }
        }
        return out.toString();
    }
}
