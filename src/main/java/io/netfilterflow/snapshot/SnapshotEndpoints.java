package io.netfilterflow.snapshot;

import io.netfilterflow.net.InterfaceAddress;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Machines suggested around the imported host, so the user only picks a packet: the default gateway, one machine on
 * each directly connected subnet, and one behind each bridge port the FDB has learnt a MAC on. Each is said in the
 * report as a suggestion.
 */
final class SnapshotEndpoints {

    private record Suggestion(String name, String attach, String mac, String ip, String gateway) {
    }

    private final List<Suggestion> suggestions = new ArrayList<>();
    private final Set<Ipv4Address> taken = new HashSet<>();

    SnapshotEndpoints(JsonNode snapshot, SnapshotInterfaces interfaces, SnapshotRouting routing, List<Problem> report) {
        interfaces.all().forEach(iface -> iface.addresses().forEach(a -> taken.add(InterfaceAddress.parse(a).address())));
        for (String gateway : routing.defaultGateways()) {
            Ipv4Address address = Ipv4Address.parse(gateway);
            for (SnapshotInterfaces.Iface iface : interfaces.all()) {
                InterfaceAddress own = onLink(iface, address);
                if (own != null && !iface.kind().equals("bridge") && taken.add(address)) {
                    suggestions.add(new Suggestion(suggestions.isEmpty() ? "gateway" : "gateway-" + iface.name(),
                            iface.name(), mac(address), address + "/" + own.length(),
                            own.address().toString()));
                }
            }
        }
        for (SnapshotInterfaces.Iface iface : interfaces.all()) {
            if (iface.kind().equals("loopback") || iface.kind().equals("bridge") || iface.addresses().isEmpty()
                    || suggestions.stream().anyMatch(s -> s.attach().equals(iface.name()))) {
                continue;
            }
            InterfaceAddress own = InterfaceAddress.parse(iface.addresses().get(0));
            Ipv4Address free = free(own);
            if (free != null) {
                suggestions.add(new Suggestion("peer-" + iface.name(), iface.name(), mac(free),
                        free + "/" + own.length(), own.address().toString()));
            }
        }
        bridgePorts(snapshot, interfaces);
        suggestions.forEach(s -> report.add(Problem.of("net.import-endpoint-suggested", s.name(), s.ip(), s.attach())));
    }

    /** One machine behind each bridge port with a learnt (not local) MAC, on the bridge's subnet. */
    private void bridgePorts(JsonNode snapshot, SnapshotInterfaces interfaces) {
        Set<String> done = new HashSet<>();
        for (JsonNode entry : snapshot.path("commands").path("bridge-fdb").path("output")) {
            String port = entry.path("ifname").asString("");
            SnapshotInterfaces.Iface iface = interfaces.get(port);
            boolean local = entry.path("state").asString("").equals("permanent")
                    || entry.path("flags").toString().contains("self");
            if (iface == null || iface.master() == null || local || !done.add(port)) {
                continue;
            }
            SnapshotInterfaces.Iface bridge = interfaces.get(iface.master());
            if (bridge == null || bridge.addresses().isEmpty()) {
                continue;
            }
            InterfaceAddress own = InterfaceAddress.parse(bridge.addresses().get(0));
            Ipv4Address free = free(own);
            String mac = entry.path("mac").asString("");
            if (free != null && mac.matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
                suggestions.add(new Suggestion("behind-" + port, port, mac.toLowerCase(java.util.Locale.ROOT),
                        free + "/" + own.length(), own.address().toString()));
            }
        }
    }

    private static InterfaceAddress onLink(SnapshotInterfaces.Iface iface, Ipv4Address address) {
        for (String text : iface.addresses()) {
            InterfaceAddress own = InterfaceAddress.parse(text);
            if (own.network().contains(address)) {
                return own;
            }
        }
        return null;
    }

    /** The first address of the subnet that is neither the network, the broadcast nor anyone's yet. */
    private Ipv4Address free(InterfaceAddress own) {
        int network = own.network().address().bits();
        int size = own.length() >= 31 ? 0 : (1 << (32 - own.length())) - 2;
        for (int i = 1; i <= Math.min(size, 1024); i++) {
            Ipv4Address candidate = new Ipv4Address(network + i);
            if (taken.add(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String mac(Ipv4Address address) {
        int bits = address.bits();
        return String.format("02:00:%02x:%02x:%02x:%02x", bits >>> 24, (bits >>> 16) & 0xff, (bits >>> 8) & 0xff,
                bits & 0xff);
    }

    ArrayNode toJson() {
        ArrayNode list = SnapshotImport.json().createArrayNode();
        for (Suggestion s : suggestions) {
            ObjectNode node = list.addObject();
            node.put("name", s.name()).put("attach", s.attach()).put("mac", s.mac()).put("ip", s.ip())
                    .put("gateway", s.gateway());
        }
        return list;
    }

    /** A ping from the first machine to the host's address on its side, answered, to start from. */
    ArrayNode firstPacket() {
        ArrayNode packets = SnapshotImport.json().createArrayNode();
        if (!suggestions.isEmpty()) {
            Suggestion first = suggestions.get(0);
            packets.addObject().put("from", first.name()).put("proto", "icmp").put("dst", first.gateway())
                    .put("icmpType", "echo-request").put("reply", true);
        }
        return packets;
    }
}
