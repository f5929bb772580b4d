package io.netfilterflow.netfilter.xtables.match;

import java.util.Locale;

/** {@code --tcp-flags MASK COMP}: the flags examined and those that must be set among them. */
public record TcpFlags(int mask, int comp) {

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;

    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG"};

    /** What {@code --syn} stands for. */
    public static final TcpFlags SYN_ONLY = new TcpFlags(FIN | SYN | RST | ACK, SYN);

    public boolean matches(int flags) {
        return (flags & mask) == comp;
    }

    /** A comma list of names, {@code ALL} or {@code NONE}, as libxt_tcp's parse_tcp_flag reads it. */
    public static int parse(String text) {
        int flags = 0;
        for (String name : text.split(",")) {
            String upper = name.toUpperCase(Locale.ROOT);
            switch (upper) {
                case "ALL" -> flags |= 0x3f;
                case "NONE" -> flags |= 0;
                default -> flags |= bit(upper, text);
            }
        }
        return flags;
    }

    private static int bit(String name, String text) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return 1 << i;
            }
        }
        throw new IllegalArgumentException("unknown TCP flag '" + name + "' in '" + text + "'");
    }

    /** As {@code print_tcpf} prints them: names in bit order, or {@code NONE}. */
    public static String format(int flags) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                out.append(out.length() == 0 ? "" : ",").append(NAMES[i]);
            }
        }
        return out.length() == 0 ? "NONE" : out.toString();
    }
}
