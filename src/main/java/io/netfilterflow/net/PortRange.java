package io.netfilterflow.net;

import io.netfilterflow.problem.InvalidValue;
import java.util.Map;

/** A TCP/UDP/SCTP port or inclusive range, as {@code --dport 1024:65535} holds it. */
public record PortRange(int first, int last) {

    public static final PortRange ALL = new PortRange(0, 65535);

    /** The few service names people write instead of numbers (iptables resolves them from /etc/services). */
    private static final Map<String, Integer> SERVICES = Map.ofEntries(
            Map.entry("ftp-data", 20), Map.entry("ftp", 21), Map.entry("ssh", 22), Map.entry("telnet", 23),
            Map.entry("smtp", 25), Map.entry("domain", 53), Map.entry("bootps", 67), Map.entry("bootpc", 68),
            Map.entry("tftp", 69), Map.entry("http", 80), Map.entry("pop3", 110), Map.entry("ntp", 123),
            Map.entry("imap", 143), Map.entry("snmp", 161), Map.entry("ldap", 389), Map.entry("https", 443),
            Map.entry("smtps", 465), Map.entry("submission", 587), Map.entry("imaps", 993), Map.entry("pop3s", 995));

    public PortRange {
        if (first < 0 || last > 65535 || first > last) {
            throw new IllegalArgumentException("invalid port range " + first + ":" + last);
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    /** {@code 80}, {@code 1024:65535}, {@code :1023}, {@code 1024:} or a service name. */
    public static PortRange parse(String text, char separator) {
        int sep = text.indexOf(separator);
        if (sep < 0) {
            return single(port(text));
        }
        int first = sep == 0 ? 0 : port(text.substring(0, sep));
        int last = sep == text.length() - 1 ? 65535 : port(text.substring(sep + 1));
        if (first > last) {
            throw new InvalidValue("net.port-range-backwards", text);
        }
        return new PortRange(first, last);
    }

    public static int port(String text) {
        Integer named = SERVICES.get(text);
        if (named != null) {
            return named;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidValue("net.not-a-port", text);
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    public boolean isAll() {
        return first == 0 && last == 65535;
    }

    public String format(char separator) {
        return first == last ? Integer.toString(first) : first + String.valueOf(separator) + last;
    }

    @Override
    public String toString() {
        return format(':');
    }

    @Override
    public boolean equals(Object other) { // written out, as Negatable's: hashed for every port a dump has
        return other instanceof PortRange that && that.first == first && that.last == last;
    }

    @Override
    public int hashCode() {
        return first * 65537 + last;
    }
}
