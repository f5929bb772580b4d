package io.netfilterflow.scenario;

import io.netfilterflow.host.DeviceKind;
import io.netfilterflow.host.Listen;
import io.netfilterflow.host.NetDevice;
import io.netfilterflow.host.Sysctls;
import io.netfilterflow.net.InterfaceAddress;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.problem.Problem;
import io.netfilterflow.routing.Fib;
import io.netfilterflow.routing.IpRule;
import io.netfilterflow.routing.IpRuleParser;
import io.netfilterflow.routing.Route;
import io.netfilterflow.routing.RouteParser;
import io.netfilterflow.scenario.ScenarioReader.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the host's interfaces, routes, sysctls, listening ports and ipsets. */
final class HostReader {

    private final ScenarioReader reader;

    HostReader(ScenarioReader reader) {
        this.reader = reader;
    }

    List<NetDevice> interfaces(Node list) {
        List<NetDevice> devices = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Node> items = list.items();
        for (int i = 0; i < items.size(); i++) {
            Node node = items.get(i);
            node.allow("name", "kind", "mac", "addresses", "master");
            String name = node.required("name").text();
            if (!name.matches("[A-Za-z0-9_.@:-]{1,15}")) {
                throw reader.error(node.child("name"), Problem.of("scenario.not-an-interface-name", name));
            }
            if (!names.add(name)) {
                throw reader.error(node.child("name"), Problem.of("scenario.interface-listed-twice", name));
            }
            DeviceKind kind = node.optional("kind") == null
                    ? (name.equals("lo") ? DeviceKind.LOOPBACK : DeviceKind.ETHERNET)
                    : node.required("kind").convert(DeviceKind::parse);
            MacAddress mac = node.optional("mac") != null ? node.required("mac").convert(MacAddress::parse)
                    : kind == DeviceKind.LOOPBACK ? new MacAddress(0) : new MacAddress(0x02_00_00_00_fe_00L + i);
            List<InterfaceAddress> addresses = new ArrayList<>();
            if (node.optional("addresses") != null) {
                for (Node address : node.required("addresses").items()) {
                    addresses.add(address.convert(InterfaceAddress::parse));
                }
            }
            String master = node.string("master", null);
            devices.add(new NetDevice(name, kind, mac, addresses, master));
        }
        checkMasters(list, devices);
        if (!names.contains("lo")) { // every network namespace has lo, the host's way to itself
            devices.add(0, new NetDevice("lo", DeviceKind.LOOPBACK, new MacAddress(0),
                    List.of(InterfaceAddress.parse("127.0.0.1/8")), null));
        }
        return devices;
    }

    private void checkMasters(Node list, List<NetDevice> devices) {
        Map<String, NetDevice> byName = new LinkedHashMap<>();
        devices.forEach(d -> byName.put(d.name(), d));
        for (int i = 0; i < devices.size(); i++) {
            NetDevice device = devices.get(i);
            String field = list.path() + "[" + i + "]";
            if (device.master() == null) {
                continue;
            }
            NetDevice master = byName.get(device.master());
            if (master == null) {
                throw reader.error(field + ".master", Problem.of("scenario.no-such-interface", device.master()));
            }
            if (!master.isBridge()) {
                throw reader.error(field + ".master", Problem.of("scenario.master-not-a-bridge", device.master()));
            }
            if (device.isBridge() || device.isLoopback()) {
                throw reader.error(field + ".master", device.isBridge() ? Problem.of("scenario.bridge-as-port")
                        : Problem.of("scenario.loopback-as-port"));
            }
            if (!device.addresses().isEmpty()) {
                throw reader.error(field + ".addresses", Problem.of("scenario.port-addresses-unused", device.master()));
            }
        }
    }

    List<Route> routes(Node list, List<NetDevice> devices) {
        List<Route> routes = new ArrayList<>();
        if (list == null) {
            return routes;
        }
        Set<String> names = new HashSet<>();
        devices.forEach(d -> names.add(d.name()));
        for (Node node : list.items()) {
            Route route = node.convert(RouteParser::parse);
            if (route.device() != null && !names.contains(route.device())) {
                throw reader.error(node.path(), Problem.of("scenario.no-such-interface", route.device()));
            }
            routes.add(route);
        }
        return routes;
    }

    /**
     * An extension of the format: {@code "ipRules": ["100:\tfrom all fwmark 0x1 lookup 100"]}, lines of
     * {@code ip rule show}. A list that holds none of the kernel's own three rules gets them added; one that holds any
     * is the whole list, as {@code ip rule show} printed it.
     */
    List<IpRule> ipRules(Node list) {
        if (list == null) {
            return Fib.STANDARD_RULES;
        }
        List<IpRule> rules = new ArrayList<>();
        for (Node node : list.items()) {
            rules.add(node.convert(IpRuleParser::parse));
        }
        boolean complete = rules.stream().anyMatch(rule -> Fib.STANDARD_RULES.stream()
                .anyMatch(standard -> standard.priority() == rule.priority()));
        if (!complete) {
            rules.addAll(Fib.STANDARD_RULES);
        }
        return rules;
    }

    Sysctls sysctls(Node node, List<NetDevice> devices) {
        if (node == null) {
            return Sysctls.DEFAULTS;
        }
        Map<String, Integer> given = new LinkedHashMap<>();
        node.entries().forEach((name, value) -> {
            String device = Sysctls.rpFilterDevice(name);
            if (device != null && !device.equals("default") && devices.stream().noneMatch(d -> d.name().equals(device))) {
                throw reader.error(value.path(), Problem.of("scenario.no-interface-for-sysctl", device, name));
            }
            given.put(name, (int) value.integer(0, 2));
        });
        try {
            return Sysctls.of(given);
        } catch (IllegalArgumentException e) {
            throw reader.error(node.path(), Problem.of(e));
        }
    }

    List<Listen> listen(Node list) {
        List<Listen> ports = new ArrayList<>();
        if (list != null) {
            for (Node node : list.items()) {
                ports.add(node.convert(Listen::parse));
            }
        }
        return ports;
    }

    /** An extension of the format: {@code "ipsets": {"name": ["10.0.0.0/8", "192.0.2.7"]}}. */
    Map<String, List<Ipv4Prefix>> ipsets(Node node) {
        Map<String, List<Ipv4Prefix>> sets = new LinkedHashMap<>();
        if (node == null) {
            return sets;
        }
        node.entries().forEach((name, members) -> {
            List<Ipv4Prefix> prefixes = new ArrayList<>();
            for (Node member : members.items()) {
                prefixes.add(member.convert(Ipv4Prefix::parse));
            }
            sets.put(name, prefixes);
        });
        return sets;
    }
}
