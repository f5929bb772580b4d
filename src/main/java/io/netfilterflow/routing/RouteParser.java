package io.netfilterflow.routing;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.problem.InvalidValue;
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
            throw new InvalidValue("net.empty-route");
        }
        int i = 0;
        RouteType type = RouteType.byLabel(words.get(0));
        if (type != null) {
            i++;
        } else {
            type = RouteType.UNICAST;
        }
        if (i >= words.size()) {
            throw new InvalidValue("net.route-without-destination", line);
        }
        Ipv4Prefix destination = destination(words.get(i++));
        Ipv4Address gateway = null;
        String device = null;
        Ipv4Address source = null;
        int metric = 0;
        int table = Route.MAIN;
        while (i < words.size()) {
            String word = words.get(i++);
            if (IGNORED_FLAGS.contains(word)) {
                continue;
            }
            if (i >= words.size()) {
                throw new InvalidValue("net.route-attribute-needs-value", word, line);
            }
            String value = words.get(i++);
            switch (word) {
                case "via" -> gateway = Ipv4Address.parse(value.startsWith("inet ") ? value.substring(5) : value);
                case "dev", "oif" -> device = value;
                case "src" -> source = Ipv4Address.parse(value);
                case "metric", "priority", "preference" -> metric = metric(value);
                case "table" -> table = table(value);
                default -> {
                    if (!IGNORED_WITH_VALUE.contains(word)) {
                        throw new InvalidValue("net.unknown-route-attribute", word, line);
                    }
                }
            }
        }
        if (type == RouteType.UNICAST && device == null && gateway == null) {
            throw new InvalidValue("net.route-needs-via-or-dev", line);
        }
        return new Route(type, destination, gateway, device, source, metric, line.trim(), table);
    }

    /** A table by number or by the names iproute2 always knows ({@code local}, {@code main}, {@code default}). */
    public static int table(String value) {
        return switch (value) {
            case "local" -> Route.LOCAL;
            case "main" -> Route.MAIN;
            case "default" -> Route.DEFAULT;
            default -> {
                try {
                    long number = Long.parseLong(value);
                    if (number < 1 || number > 0xffff_ffffL) {
                        throw new InvalidValue("net.route-table-unknown", value);
                    }
                    yield (int) number;
                } catch (NumberFormatException e) {
                    throw new InvalidValue("net.route-table-unknown", value);
                }
            }
        };
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
        throw new InvalidValue("net.not-a-metric", value);
    }
}
