package io.netfilterflow.netfilter.list;

import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.save.RuleWriter;
import java.util.function.Consumer;

/**
 * The last column of an {@code iptables -L} line, as each extension's {@code print()} writes it:
 * pieces separated by spaces, ports by service name unless {@code -n}.
 */
public final class ListWriter {

    private final StringBuilder out = new StringBuilder();
    private final Services services;
    private final boolean numeric;

    public ListWriter(Services services, boolean numeric) {
        this.services = services;
        this.numeric = numeric;
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
        return numeric ? Integer.toString(port) : services.name(port, protocol).orElse(Integer.toString(port));
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
