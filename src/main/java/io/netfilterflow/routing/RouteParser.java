package io.netfilterflow.routing;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.Ipv4Prefix;
import java.util.List;
import java.util.Set;

/** Reads one line of {@code ip route} output or {@code ip route add} arguments. */
public final class RouteParser {

    /** Attributes {@code ip route} prints that do not change where a packet goes. */
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("proto", "scope", "realm", "mtu", "advmss",
            "initcwnd", "initrwnd", "pref", "expires", "hoplimit", "rtt", "rttvar", "quickack");
    private static final Set<String> IGNORED_FLAGS = Set.of("onlink", "linkdown", "dead", "pervasive", "offload");

    private RouteParser() {
    }

    public static Route parse(String line) {
        List<String> words = List.of(line.trim().split("\\s+"));
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new IllegalArgumentException("empty route");
        }
        int i = 0;
        RouteType type = RouteType.byLabel(words.get(0));
        if (type != null) {
            i++;
        } else {
            type = RouteType.UNICAST;
        }
        if (i >= words.size()) {
            throw new IllegalArgumentException("route '" + line + "' has no destination");
        }
        Ipv4Prefix destination = destination(words.get(i++));
        Ipv4Address gateway = null;
        String device = null;
        Ipv4Address source = null;
        int metric = 0;
        while (i < words.size()) {
            String word = words.get(i++);
            if (IGNORED_FLAGS.contains(word)) {
                continue;
            }
            if (i >= words.size()) {
                throw new IllegalArgumentException("'" + word + "' needs a value in route '" + line + "'");
            }
            String value = words.get(i++);
            switch (word) {
                case "via" -> gateway = Ipv4Address.parse(value.startsWith("inet ") ? value.substring(5) : value);
                case "dev", "oif" -> device = value;
                case "src" -> source = Ipv4Address.parse(value);
                case "metric", "priority", "preference" -> metric = metric(value);
                case "table" -> {
                    if (!value.equals("main") && !value.equals("254")) {
                        throw new IllegalArgumentException("only the main table is modelled, not table " + value
                                + " (the local table is derived from the addresses)");
                    }
                }
                default -> {
                    if (!IGNORED_WITH_VALUE.contains(word)) {
                        throw new IllegalArgumentException("unknown route attribute '" + word + "' in '" + line + "'");
                    }
                }
            }
        }
        if (type == RouteType.UNICAST && device == null && gateway == null) {
            throw new IllegalArgumentException("route '" + line + "' needs 'via' or 'dev'");
        }
        return new Route(type, destination, gateway, device, source, metric, line.trim());
    }

    private static Ipv4Prefix destination(String word) {
        if (word.equals("default") || word.equals("0/0")) {
            return Ipv4Prefix.ANY;
        }
        Ipv4Prefix prefix = Ipv4Prefix.parse(word);
        return word.indexOf('/') < 0 ? new Ipv4Prefix(prefix.address(), -1) : prefix;
    }

    private static int metric(String value) {
        try {
            int metric = Integer.parseInt(value);
            if (metric >= 0) {
                return metric;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + value + "' is not a metric");
    }
}
