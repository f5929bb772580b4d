package io.netfilterflow.verify;

import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.scenario.PacketSpec;
import io.netfilterflow.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Whether this machine can replay a scenario: Linux, root, network namespaces, and the tools it needs. */
public final class Preflight {

    private Preflight() {
    }

    /** Why this machine cannot verify the scenario; empty when it can. */
    public static List<String> problems(Scenario scenario, boolean iptables, boolean ebtables, boolean ipsets) {
        List<String> problems = new ArrayList<>();
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return List.of("verification needs Linux (this is " + System.getProperty("os.name") + ")");
        }
        if (!isRoot()) {
            return List.of("verification needs root, to create network namespaces (run it with sudo)");
        }
        Set<String> tools = new LinkedHashSet<>(List.of("ip", "nft", "socat", "dd", "sysctl", "bridge"));
        boolean legacy = scenario.host().backend() == Backend.LEGACY;
        if (iptables) {
            tools.add(legacy ? "iptables-legacy-restore" : "iptables-nft-restore");
        }
        if (ebtables) {
            tools.add(legacy ? "ebtables-legacy-restore" : "ebtables-nft-restore");
        }
        if (ipsets) {
            tools.add("ipset");
        }
        if (scenario.packets().stream().anyMatch(Preflight::hasOwner)) {
            tools.add("setpriv");
        }
        List<String> missing = tools.stream().filter(tool -> !Shell.exists(tool)).toList();
        if (!missing.isEmpty()) {
            problems.add("missing tools: " + String.join(", ", missing) + " (Debian: apt-get install iproute2 nftables"
                    + " iptables ebtables ipset socat util-linux)");
            return problems;
        }
        if (legacy && !Files.isWritable(Path.of("/proc/sys/net/netfilter/nf_log_all_netns"))) {
            problems.add("the legacy backend's TRACE needs /proc/sys/net/netfilter/nf_log_all_netns, which this"
                    + " kernel does not offer");
        }
        String probe = Names.PREFIX + ProcessHandle.current().pid() + "-probe";
        Shell.Result add = Shell.run(List.of("ip", "netns", "add", probe), null);
        if (add.exit() != 0) {
            problems.add("cannot create a network namespace: " + add.err().strip());
        } else {
            Shell.run(List.of("ip", "netns", "del", probe), null);
        }
        return problems;
    }

    private static boolean hasOwner(PacketSpec packet) {
        return packet.from().equals("host") && (packet.uid() != 0 || packet.gid() != 0);
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:")).anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
