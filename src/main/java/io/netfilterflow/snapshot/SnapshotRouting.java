package io.netfilterflow.snapshot;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.routing.Fib;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The routes of {@code ip -j route show table all} as {@code ip route} lines (the local table is derived from the
 * addresses again, IPv6 routes are left out), and the rules of {@code ip -j rule show} as {@code ip rule show}
 * lines.
 */
final class SnapshotRouting {

    private static final Set<String> TYPES = Set.of("unicast", "local", "broadcast", "blackhole", "unreachable",
            "prohibit", "throw");
    private static final Set<String> RULE_FIELDS = Set.of("priority", "src", "srclen", "dst", "dstlen", "iif", "oif",
            "fwmark", "fwmask", "table", "action", "target", "not", "protocol", "flags", "l3mdev");

    private final List<String> routes = new ArrayList<>();
    private final List<String> rules = new ArrayList<>();
    private final List<String> gateways = new ArrayList<>();

    SnapshotRouting(JsonNode snapshot, SnapshotInterfaces interfaces, List<Problem> report) {
        int ipv6 = 0;
        for (JsonNode route : snapshot.path("commands").path("ip-route").path("output")) {
            String dst = route.path("dst").asString("");
            String table = route.path("table").asString("main");
            String type = route.path("type").asString("unicast");
            if (dst.contains(":")) {
                ipv6++;
            } else if (table.equals("local")) {
                continue; // derived from the addresses, as the kernel derives it
            } else if (!TYPES.contains(type) || route.has("nexthops")) {
                report.add(Problem.of("net.import-route-skipped", dst, route.has("nexthops") ? "nexthops" : type));
            } else if (route.has("dev") && interfaces.get(route.path("dev").asString()) == null) {
                report.add(Problem.of("net.import-route-skipped", dst, "dev " + route.path("dev").asString()));
            } else {
                routes.add(line(route, dst, table, type));
                if (dst.equals("default") && route.has("gateway") && table.equals("main")) {
                    gateways.add(route.path("gateway").asString());
                }
            }
        }
        if (ipv6 > 0) {
            report.add(Problem.of("net.import-ipv6-routes", ipv6));
        }
        for (JsonNode rule : snapshot.path("commands").path("ip-rule").path("output")) {
            String unknown = unknownField(rule);
            if (unknown != null) {
                report.add(Problem.of("net.import-rule-skipped", rule.path("priority").asInt(), unknown));
                continue;
            }
            rules.add(rule(rule));
        }
    }

    private static String line(JsonNode route, String dst, String table, String type) {
        StringBuilder line = new StringBuilder();
        if (!type.equals("unicast")) {
            line.append(type).append(' ');
        }
        line.append(dst);
        if (route.has("gateway")) {
            line.append(" via ").append(route.path("gateway").asString());
        }
        if (route.has("dev")) {
            line.append(" dev ").append(route.path("dev").asString());
        }
        if (!table.equals("main")) {
            line.append(" table ").append(table);
        }
        if (route.has("prefsrc")) {
            line.append(" src ").append(route.path("prefsrc").asString());
        }
        if (route.has("metric")) {
            line.append(" metric ").append(route.path("metric").asLong());
        }
        return line.toString();
    }

    private static String unknownField(JsonNode rule) {
        for (var field : rule.properties()) {
            if (!RULE_FIELDS.contains(field.getKey())) {
                return field.getKey();
            }
        }
        return null;
    }

    /** {@code ip rule show}'s own layout: {@code 100:\tnot from 10.0.0.0/8 fwmark 0x1/0xff lookup 100}. */
    private static String rule(JsonNode rule) {
        StringBuilder line = new StringBuilder().append(rule.path("priority").asLong()).append(":\t");
        if (rule.path("not").asBoolean(false)) {
            line.append("not ");
        }
        line.append("from ").append(prefix(rule, "src", "srclen"));
        if (rule.has("dst")) {
            line.append(" to ").append(prefix(rule, "dst", "dstlen"));
        }
        for (String device : List.of("iif", "oif")) {
            if (rule.has(device)) {
                line.append(' ').append(device).append(' ').append(rule.path(device).asString());
            }
        }
        if (rule.has("fwmark")) {
            line.append(" fwmark ").append(rule.path("fwmark").asString());
            if (rule.has("fwmask")) {
                line.append('/').append(rule.path("fwmask").asString());
            }
        }
        String action = rule.path("action").asString("");
        switch (action) {
            case "goto" -> line.append(" goto ").append(rule.path("target").asLong());
            case "blackhole", "prohibit", "unreachable", "nop" -> line.append(' ').append(action);
            default -> line.append(" lookup ").append(rule.path("table").asString("main"));
        }
        return line.toString();
    }

    private static String prefix(JsonNode rule, String address, String length) {
        String value = rule.path(address).asString("all");
        return rule.has(length) ? value + "/" + rule.path(length).asInt() : value;
    }

    ArrayNode routes() {
        ArrayNode list = SnapshotImport.json().createArrayNode();
        routes.forEach(list::add);
        return list;
    }

    ArrayNode rules() {
        ArrayNode list = SnapshotImport.json().createArrayNode();
        rules.forEach(list::add);
        return list;
    }

    /** Whether the rules are other than the kernel's three. */
    boolean hasOwnRules() {
        return !rules.equals(Fib.STANDARD_RULES.stream().map(rule -> rule.text()).toList());
    }

    List<String> defaultGateways() {
        return List.copyOf(gateways);
    }
}
