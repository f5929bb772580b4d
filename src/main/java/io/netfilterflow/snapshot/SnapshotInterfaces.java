package io.netfilterflow.snapshot;

import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The interfaces of {@code ip -d -j link show} with the IPv4 addresses of {@code ip -j addr show}: loopback,
 * bridges, their ports and veths by kind; a vlan, bond, tunnel or WireGuard device becomes a plain interface,
 * said in the report.
 */
final class SnapshotInterfaces {

    /** One interface as the scenario takes it. */
    record Iface(String name, String kind, String mac, List<String> addresses, String master) {
    }

    private final Map<String, Iface> byName = new LinkedHashMap<>();

    SnapshotInterfaces(JsonNode snapshot, List<Problem> report) {
        Map<String, List<String>> addresses = addresses(snapshot.path("commands").path("ip-addr").path("output"),
                report);
        JsonNode links = snapshot.path("commands").path("ip-link").path("output");
        if (!links.isArray()) {
            report.add(Problem.of("net.import-no-section", "ip-link"));
            return;
        }
        for (JsonNode link : links) {
            String name = link.path("ifname").asString("");
            if (!name.matches("[A-Za-z0-9_.@:-]{1,15}")) {
                report.add(Problem.of("net.import-interface-skipped", name));
                continue;
            }
            String kind = kind(link, name, report);
            String master = link.path("master").asString(null);
            List<String> own = addresses.getOrDefault(name, List.of());
            if (master != null && !own.isEmpty()) {
                report.add(Problem.of("net.import-port-addresses", name, String.join(", ", own), master));
                own = List.of();
            }
            String mac = link.path("address").asString(null);
            byName.put(name, new Iface(name, kind, kind.equals("loopback") || mac == null
                    || !mac.matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}") ? null : mac, own, master));
        }
        // a port of a bond or a VRF is a plain interface here: only bridges have ports in a scenario
        byName.replaceAll((name, iface) -> {
            Iface master = iface.master() == null ? null : byName.get(iface.master());
            if (iface.master() == null || master != null && master.kind().equals("bridge")) {
                return iface;
            }
            report.add(Problem.of("net.import-master-not-bridge", name, iface.master()));
            return new Iface(name, iface.kind(), iface.mac(), iface.addresses(), null);
        });
    }

    private static String kind(JsonNode link, String name, List<Problem> report) {
        if ("loopback".equals(link.path("link_type").asString(""))) {
            return "loopback";
        }
        String kind = link.path("linkinfo").path("info_kind").asString("");
        return switch (kind) {
            case "bridge" -> "bridge";
            case "veth" -> "veth";
            case "" -> "ethernet";
            default -> {
                report.add(Problem.of("net.import-plain-interface", name, kind));
                yield "ethernet";
            }
        };
    }

    private static Map<String, List<String>> addresses(JsonNode links, List<Problem> report) {
        Map<String, List<String>> addresses = new LinkedHashMap<>();
        int ipv6 = 0;
        for (JsonNode link : links) {
            for (JsonNode info : link.path("addr_info")) {
                if ("inet".equals(info.path("family").asString(""))) {
                    addresses.computeIfAbsent(link.path("ifname").asString(""), n -> new ArrayList<>())
                            .add(info.path("local").asString("") + "/" + info.path("prefixlen").asInt(32));
                } else {
                    ipv6++;
                }
            }
        }
        if (ipv6 > 0) {
            report.add(Problem.of("net.import-ipv6-addresses", ipv6));
        }
        return addresses;
    }

    List<Iface> all() {
        return List.copyOf(byName.values());
    }

    Iface get(String name) {
        return byName.get(name);
    }

    ArrayNode toJson() {
        ArrayNode list = SnapshotImport.json().createArrayNode();
        for (Iface iface : byName.values()) {
            ObjectNode node = list.addObject();
            node.put("name", iface.name());
            if (!iface.kind().equals("ethernet")) {
                node.put("kind", iface.kind());
            }
            if (iface.mac() != null) {
                node.put("mac", iface.mac().toLowerCase(java.util.Locale.ROOT));
            }
            if (!iface.addresses().isEmpty()) {
                ArrayNode addresses = node.putArray("addresses");
                iface.addresses().forEach(addresses::add);
            }
            if (iface.master() != null) {
                node.put("master", iface.master());
            }
        }
        return list;
    }
}
