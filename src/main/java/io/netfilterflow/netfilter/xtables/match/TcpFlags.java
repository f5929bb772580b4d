package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.packet.TcpFlag;
import io.netfilterflow.problem.InvalidValue;
import java.util.Locale;

/** {@code --tcp-flags MASK COMP}: the flags examined and those that must be set among them. */
public record TcpFlags(int mask, int comp) {

    /** What {@code --syn} stands for. */
    public static final TcpFlags SYN_ONLY = new TcpFlags(TcpFlag.FIN | TcpFlag.SYN | TcpFlag.RST | TcpFlag.ACK,
            TcpFlag.SYN);

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
        int bit = TcpFlag.bit(name);
        if (bit < 0) {
            throw new InvalidValue("rules.unknown-tcp-flag", name, text);
        }
        return bit;
    }

    /** As {@code print_tcpf} prints them: names in bit order, or {@code NONE}. */
    public static String format(int flags) {
        return flags == 0 ? "NONE" : TcpFlag.format(flags);
    }
}
