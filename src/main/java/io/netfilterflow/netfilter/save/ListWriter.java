package io.netfilterflow.netfilter.save;

import io.netfilterflow.net.PortRange;
import java.util.function.Consumer;

/**
 * The last column of an {@code iptables -L} line, as each extension's {@code print()} writes it:
 * pieces separated by spaces, ports by service name unless {@code -n}.
 */
public final class ListWriter {

    private final StringBuilder out = new StringBuilder();
    private final SystemNames names;
    private final boolean numeric;
    private final String protocol;

    /** {@code protocol}: the rule's {@code -p}, whose port names multiport prints (null for all). */
    public ListWriter(SystemNames names, boolean numeric, String protocol) {
        this.names = names;
        this.numeric = numeric;
        this.protocol = protocol;
    }

    public boolean numeric() {
        return numeric;
    }

    /** A port of the rule's own protocol, by name unless numeric. */
    public String port(int port) {
        return protocol == null ? Integer.toString(port) : port(port, protocol);
    }

    public String user(long uid) {
        return numeric ? Long.toString(uid) : names.user(uid).orElse(Long.toString(uid));
    }

    public String group(long gid) {
        return numeric ? Long.toString(gid) : names.group(gid).orElse(Long.toString(gid));
    }

    public ListWriter text(String piece) {
        out.append(' ').append(piece);
        return this;
    }

    /** {@code dpt:http-alt}, {@code dpts:1000:2000}, {@code dpt:!22}: libxt_tcp's print_ports. */
    public ListWriter ports(String name, PortRange range, boolean inverted, String protocol) {
        if (range == null || (!inverted && range.isAll())) {
            return this;
        }
        String not = inverted ? "!" : "";
        return range.first() == range.last()
                ? text(name + ":" + not + port(range.first(), protocol))
                : text(name + "s:" + not + port(range.first(), protocol) + ":" + port(range.last(), protocol));
    }

    public String port(int port, String protocol) {
        return numeric ? Integer.toString(port) : names.service(port, protocol).orElse(Integer.toString(port));
    }

    /** For an extension without its own listing: its options as iptables-save writes them. */
    public ListWriter saved(Consumer<RuleWriter> save) {
        StringBuilder words = new StringBuilder();
        save.accept(new RuleWriter(words));
        String text = words.toString().trim();
        return text.isEmpty() ? this : text(text);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
