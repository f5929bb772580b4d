package io.netfilterflow.snapshot;

import io.netfilterflow.problem.Problem;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sysctls a scenario takes ({@code ip_forward}, {@code bridge-nf-call-*}, {@code route_localnet}, every
 * {@code rp_filter}, {@code nf_conntrack_tcp_loose}); the others the snapshot holds are named in the report when
 * they differ from what the simulation assumes.
 */
final class SnapshotSysctls {

    /** Sysctls read but not modelled, and the value the simulation assumes for them. */
    private static final Map<String, String> ASSUMED = Map.of("net.netfilter.nf_conntrack_tcp_be_liberal", "0",
            "net.ipv4.conf.all.src_valid_mark", "0", "net.ipv4.conf.all.accept_local", "0");

    private final ObjectNode values = SnapshotImport.json().createObjectNode();

    SnapshotSysctls(JsonNode snapshot, SnapshotInterfaces interfaces, List<Problem> report) {
        JsonNode sysctl = snapshot.path("sysctl");
        take(sysctl, "net.ipv4.ip_forward");
        take(sysctl, "net.ipv4.conf.all.route_localnet");
        take(sysctl, "net.ipv4.conf.all.rp_filter");
        take(sysctl, "net.ipv4.conf.default.rp_filter");
        take(sysctl, "net.netfilter.nf_conntrack_tcp_loose");
        for (String call : List.of("iptables", "ip6tables", "arptables")) {
            if (!take(sysctl, "net.bridge.bridge-nf-call-" + call) && call.equals("iptables")) {
                report.add(Problem.of("net.import-no-br-netfilter"));
                values.put("net.bridge.bridge-nf-call-iptables", 0);
            }
        }
        for (SnapshotInterfaces.Iface iface : interfaces.all()) {
            take(sysctl, "net.ipv4.conf." + iface.name() + ".rp_filter");
        }
        ASSUMED.forEach((name, assumed) -> {
            String value = sysctl.path(name).asString(assumed);
            if (!value.equals(assumed)) {
                report.add(Problem.of("net.import-sysctl-not-modelled", name, value, assumed));
            }
        });
    }

    /** Copies a sysctl the snapshot holds as a number; false when the kernel had no such file (null). */
    private boolean take(JsonNode sysctl, String name) {
        JsonNode value = sysctl.path(name);
        if (!value.isString() || !value.asString().strip().matches("\\d+")) {
            return false;
        }
        values.put(name, Integer.parseInt(value.asString().strip()));
        return true;
    }

    ObjectNode toJson() {
        return values;
    }
}
