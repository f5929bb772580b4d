package io.netfilterflow.verify;

import io.netfilterflow.host.Endpoint;
import io.netfilterflow.host.Host;
import io.netfilterflow.host.NetDevice;
import io.netfilterflow.host.Sysctls;
import io.netfilterflow.net.InterfaceAddress;
import io.netfilterflow.routing.Fib;
import io.netfilterflow.routing.IpRule;
import io.netfilterflow.netfilter.core.Backend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands that build a scenario's host on a real kernel: one network namespace for the host,
 * one for each endpoint, veth pairs for its cables (a switch namespace where several endpoints share
 * one routed interface), its bridges, addresses, routes, sysctls, ipsets and rules, and the tracing
 * table of ../shared/kernel-truth. Pure: it only writes the commands down.
 */
final class LabPlan {

    /** The table that sets {@code nftrace} on every IPv4 packet entering or leaving the host; left out of traces. */
    static final String TRACE_TABLE = "nfflow_trace";

    record Command(List<String> argv, byte[] stdin) {
    }

    private final Names names;
    private final Host host;
    private final ScenarioText text;
    private final List<Command> commands = new ArrayList<>();

    private LabPlan(Names names, Host host, ScenarioText text) {
        this.names = names;
        this.host = host;
        this.text = text;
    }

    static List<Command> of(Names names, Host host, ScenarioText text) {
        LabPlan plan = new LabPlan(names, host, text);
        plan.namespaces();
        plan.devices();
        plan.endpoints();
        plan.hostNetwork();
        plan.rules();
        plan.tracing();
        return List.copyOf(plan.commands);
    }

    /** Every namespace the plan creates, host first; tearing down removes these. */
    static List<String> namespaces(Names names, Host host) {
        List<String> all = new ArrayList<>();
        all.add(names.host());
        int index = 0;
        for (Endpoint ignored : host.endpoints()) {
            all.add(names.endpoint(index++));
        }
        for (String device : switched(host).keySet()) {
            all.add(names.segment(device));
        }
        return all;
    }

    private void namespaces() {
        for (String ns : namespaces(names, host)) {
            run("ip", "netns", "add", ns);
            exec(ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
            run("ip", "-n", ns, "link", "set", "lo", "up");
        }
    }

    private void devices() {
        String ns = names.host();
        for (NetDevice dev : host.devices()) {
            if (dev.isBridge()) {
                run("ip", "-n", ns, "link", "add", dev.name(), "address", dev.mac().toString(), "type", "bridge");
            }
        }
        Map<String, List<Endpoint>> switched = switched(host);
        for (NetDevice dev : host.devices()) {
            if (dev.isBridge() || dev.isLoopback()) {
                continue;
            }
            if (switched.containsKey(dev.name())) {
                segment(dev, switched.get(dev.name()));
            } else {
                Endpoint peer = attached(dev.name()).get(0);
                run("ip", "link", "add", dev.name(), "netns", ns, "address", dev.mac().toString(), "type", "veth",
                        "peer", "name", "eth0", "netns", names.endpoint(indexOf(peer)), "address", peer.mac().toString());
            }
            if (dev.master() != null) {
                run("ip", "-n", ns, "link", "set", dev.name(), "master", dev.master());
            }
        }
        for (NetDevice dev : host.devices()) {
            for (InterfaceAddress address : dev.addresses()) {
                if (!(dev.isLoopback() && address.toString().equals("127.0.0.1/8"))) {
                    run("ip", "-n", ns, "addr", "add", address.toString(), "dev", dev.name());
                }
            }
            if (!dev.isLoopback()) {
                run("ip", "-n", ns, "link", "set", dev.name(), "up");
            }
        }
    }

    /** A routed interface with no endpoint or several: its peer sits in a namespace of its own, a switch. */
    private void segment(NetDevice dev, List<Endpoint> peers) {
        String sw = names.segment(dev.name());
        run("ip", "link", "add", dev.name(), "netns", names.host(), "address", dev.mac().toString(), "type", "veth",
                "peer", "name", "uplink", "netns", sw);
        run("ip", "-n", sw, "link", "add", "switch", "type", "bridge");
        run("ip", "-n", sw, "link", "set", "uplink", "master", "switch", "up");
        int port = 0;
        for (Endpoint peer : peers) {
            String name = "port" + port++;
            run("ip", "link", "add", name, "netns", sw, "type", "veth", "peer", "name", "eth0", "netns",
                    names.endpoint(indexOf(peer)), "address", peer.mac().toString());
            run("ip", "-n", sw, "link", "set", name, "master", "switch", "up");
        }
        run("ip", "-n", sw, "link", "set", "switch", "up");
    }

    /** Each endpoint: its address and gateway; it takes no IPv4 in, since its answers are replayed as simulated. */
    private void endpoints() {
        int index = 0;
        for (Endpoint peer : host.endpoints()) {
            String ns = names.endpoint(index++);
            run("ip", "-n", ns, "addr", "add", peer.ip().toString(), "dev", "eth0");
            run("ip", "-n", ns, "link", "set", "eth0", "up");
            if (peer.gateway() != null && peer.ip().onLink(peer.gateway())) {
                run("ip", "-n", ns, "route", "add", "default", "via", peer.gateway().toString(), "dev", "eth0");
            }
            nft(ns, "table ip nfflow_quiet {\n chain in { type filter hook prerouting priority -500; policy drop; }\n}\n");
        }
    }

    private void hostNetwork() {
        String ns = names.host();
        Sysctls sysctls = host.sysctls();
        List<String> order = new ArrayList<>(sysctls.values().keySet());
        order.remove(Sysctls.IP_FORWARD);
        order.add(Sysctls.IP_FORWARD); // it also sets conf.all.forwarding: written last, it wins
        for (String name : order) {
            if (!name.startsWith("net.netfilter.") && Sysctls.rpFilterDevice(name) == null) {
                exec(ns, "sysctl", "-q", "-w", name + "=" + sysctls.get(name));
            }
        }
        rpFilter(ns, sysctls);
        // the simulator models no retransmission: a SYN-ACK nobody acknowledges is sent once
        exec(ns, "sysctl", "-q", "-w", "net.ipv4.tcp_synack_retries=0");
        for (String route : text.routes()) {
            List<String> argv = new ArrayList<>(List.of("ip", "-n", ns, "route", "replace"));
            argv.addAll(List.of(route.trim().split("\\s+")));
            commands.add(new Command(argv, null));
        }
        rules(ns);
        for (Endpoint peer : host.endpoints()) {
            NetDevice at = host.device(peer.attach());
            String link = at.isBridgePort() ? at.master() : at.name();
            run("ip", "-n", ns, "neigh", "replace", peer.address().toString(), "lladdr", peer.mac().toString(),
                    "dev", link, "nud", "permanent");
            if (at.isBridgePort()) {
                run("bridge", "-n", ns, "fdb", "replace", peer.mac().toString(), "dev", at.name(), "master",
                        "static");
            }
        }
    }

    /** The policy rules: the kernel's three it does not list are deleted, the others added at their priority. */
    private void rules(String ns) {
        List<IpRule> rules = host.fib().rules();
        for (IpRule standard : Fib.STANDARD_RULES) {
            if (rules.stream().noneMatch(rule -> rule.priority() == standard.priority()
                    && rule.text().equals(standard.text()))) {
                run("ip", "-n", ns, "rule", "del", "pref", Integer.toString(standard.priority()));
            }
        }
        for (IpRule rule : rules) {
            if (Fib.STANDARD_RULES.stream().anyMatch(standard -> standard.priority() == rule.priority()
                    && standard.text().equals(rule.text()))) {
                continue;
            }
            List<String> argv = new ArrayList<>(List.of("ip", "-n", ns, "rule", "add", "pref",
                    Integer.toString(rule.priority())));
            List<String> words = new ArrayList<>(List.of(rule.text().trim().split("\\s+")));
            if (words.get(0).endsWith(":")) {
                words.remove(0);
            }
            words.removeIf(word -> word.equals("[detached]") || word.equals("[oif-detached]"));
            argv.addAll(words);
            commands.add(new Command(argv, null));
        }
    }

    /**
     * Every device's own rp_filter, written after the devices exist: the namespace's devices start with
     * the values it copied from the machine's (devconf_inherit_init_net), which the scenario does not say.
     */
    private void rpFilter(String ns, Sysctls sysctls) {
        exec(ns, "sysctl", "-q", "-w", "net/ipv4/conf/default/rp_filter=" + sysctls.deviceRpFilter("default"));
        for (NetDevice dev : host.devices()) {
            exec(ns, "sysctl", "-q", "-w", "net/ipv4/conf/" + dev.name() + "/rp_filter="
                    + sysctls.deviceRpFilter(dev.name()));
        }
    }

    private void rules() {
        String ns = names.host();
        StringBuilder sets = new StringBuilder();
        text.ipsets().forEach((name, members) -> {
            sets.append("create ").append(name).append(" hash:net\n");
            members.forEach(member -> sets.append("add ").append(name).append(' ').append(member).append('\n'));
        });
        if (!sets.isEmpty()) {
            commands.add(new Command(List.of("ip", "netns", "exec", ns, "ipset", "restore"), bytes(sets.toString())));
        }
        boolean legacy = host.backend() == Backend.LEGACY;
        if (text.iptables() != null) {
            commands.add(new Command(List.of("ip", "netns", "exec", ns,
                    legacy ? "iptables-legacy-restore" : "iptables-nft-restore"), bytes(text.iptables())));
        }
        if (text.ebtables() != null) {
            commands.add(new Command(List.of("ip", "netns", "exec", ns,
                    legacy ? "ebtables-legacy-restore" : "ebtables-nft-restore"), bytes(text.ebtables())));
        }
        if (text.nftables() != null) {
            commands.add(new Command(List.of("ip", "netns", "exec", ns, "nft", "-f", "-"), bytes(text.nftables())));
        }
        // the simulator has no sequence numbers: conntrack must not judge TCP windows
        exec(ns, "sh", "-c", "f=/proc/sys/net/netfilter/nf_conntrack_tcp_be_liberal; [ ! -e $f ] || echo 1 > $f;"
                + " f=/proc/sys/net/netfilter/nf_conntrack_tcp_loose; [ ! -e $f ] || echo "
                + host.sysctls().get(Sysctls.TCP_LOOSE) + " > $f");
    }

    /** As ../shared/kernel-truth records: {@code meta nftrace set 1} at priority -500 on the way in and out. */
    private void tracing() {
        String chains = " chain pre { type filter hook prerouting priority -500; %s meta nftrace set 1; }\n"
                + " chain out { type filter hook output priority -500; %s meta nftrace set 1; }\n";
        String unicast = "ip daddr != 224.0.0.0/4"; // not the IGMP reports a new bridge sends
        String bridged = "meta protocol ip " + unicast;
        nft(names.host(), "table bridge " + TRACE_TABLE + " {\n" + chains.formatted(bridged, bridged) + "}\n"
                + "table ip " + TRACE_TABLE + " {\n" + chains.formatted(unicast, unicast)
                + " chain quiet { type filter hook output priority -499; }\n}\n");
    }

    private List<Endpoint> attached(String device) {
        List<Endpoint> found = new ArrayList<>();
        host.endpoints().forEach(peer -> {
            if (peer.attach().equals(device)) {
                found.add(peer);
            }
        });
        return found;
    }

    private int indexOf(Endpoint peer) {
        int index = 0;
        for (Endpoint each : host.endpoints()) {
            if (each == peer) {
                return index;
            }
            index++;
        }
        throw new IllegalArgumentException(peer.name());
    }

    /** Interfaces whose cable does not lead to exactly one endpoint, with the endpoints behind them. */
    private static Map<String, List<Endpoint>> switched(Host host) {
        Map<String, List<Endpoint>> byDevice = new LinkedHashMap<>();
        for (NetDevice dev : host.devices()) {
            if (!dev.isBridge() && !dev.isLoopback()) {
                byDevice.put(dev.name(), new ArrayList<>());
            }
        }
        host.endpoints().forEach(peer -> byDevice.computeIfPresent(peer.attach(), (k, list) -> {
            list.add(peer);
            return list;
        }));
        byDevice.values().removeIf(list -> list.size() == 1);
        return byDevice;
    }

    private void nft(String ns, String script) {
        commands.add(new Command(List.of("ip", "netns", "exec", ns, "nft", "-f", "-"), bytes(script)));
    }

    private void exec(String ns, String... argv) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        all.addAll(List.of(argv));
        commands.add(new Command(all, null));
    }

    private void run(String... argv) {
        commands.add(new Command(List.of(argv), null));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
