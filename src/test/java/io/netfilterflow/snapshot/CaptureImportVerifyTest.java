package io.netfilterflow.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.verify.Verification;
import io.netfilterflow.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Capture, import, verify: a host built in network namespaces (a Docker-like bridge host; a router with two uplinks,
 * a second table and an fwmark rule) is captured by the shipped script under {@code dash}, the snapshot imported
 * into a scenario, and that scenario replayed on the kernel: the kernel and the simulator agree.
 */
@Tag("kernel")
class CaptureImportVerifyTest {

    private static final Path SCRIPT = Path.of("capture/netfilter-flow-capture.sh");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bridge-host", "router"})
    void anImportedSnapshotAgreesWithTheKernelItWasTakenFrom(String kind) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SCRIPT), "the capture script is not here");
        Assumptions.assumeTrue(run("command -v dash && ip netns list >/dev/null").exit() == 0, "needs root and dash");
        String prefix = "cap" + ProcessHandle.current().pid() % 100000 + kind.charAt(0);
        Path snapshot = Files.createTempFile("snapshot", ".json");
        try {
            Result built = run(setup(kind, prefix));
            assertThat(built.exit()).as(built.output()).isZero();
            Result captured = run("ip netns exec " + prefix + "h dash " + SCRIPT.toAbsolutePath() + " -o " + snapshot);
            assertThat(captured.exit()).as(captured.output()).isZero();
        } finally {
            run("for n in h p q c; do ip netns del " + prefix + "$n 2>/dev/null; done; true");
        }
        SnapshotImport.Result imported = SnapshotImport.of(Files.readString(snapshot));
        Files.delete(snapshot);
        ObjectNode scenario = imported.scenario();
        packets(kind, (ArrayNode) scenario.get("packets"));
        String json = JSON.writeValueAsString(scenario);
        List<String> problems = Verifier.problems(json);
        Assumptions.assumeTrue(problems.isEmpty(), () -> String.join("; ", problems));
        Verification result = Verifier.verify(json, Verifier.SIMULATOR);
        assertThat(result.identical()).as("%s%n%s", json, result.diff()).isTrue();
        assertThat(result.kernel()).hasSizeGreaterThan(4);
    }

    /** The host: veth cables to peers in namespaces of their own, so its devices are real ones. */
    private static String setup(String kind, String p) {
        String common = "set -e; for n in h p q c; do ip netns add " + p + "$n; ip -n " + p + "$n link set lo up; done;"
                + "ip link add eth0 netns " + p + "h type veth peer name up netns " + p + "p;"
                + "ip -n " + p + "h addr add 10.99.0.5/24 dev eth0; ip -n " + p + "h link set eth0 up;"
                + "ip -n " + p + "h route add default via 10.99.0.100 dev eth0;"
                + "ip netns exec " + p + "h sysctl -q -w net.ipv4.ip_forward=1;";
        if (kind.equals("bridge-host")) {
            return common + "ip link add vA netns " + p + "h type veth peer name c0 netns " + p + "c address 02:42:ac:14:00:02;"
                    + "ip -n " + p + "h link add br0 type bridge; ip -n " + p + "h link set vA master br0;"
                    + "ip -n " + p + "h addr add 172.20.0.1/16 dev br0; ip -n " + p + "h link set br0 up;"
                    + "ip -n " + p + "h link set vA up;"
                    + "ip netns exec " + p + "h bridge fdb add 02:42:ac:14:00:02 dev vA master static;"
                    + "printf '*filter\\n:INPUT ACCEPT [0:0]\\n:FORWARD DROP [0:0]\\n:OUTPUT ACCEPT [0:0]\\n"
                    + "-A FORWARD -i br0 -j ACCEPT\\n-A FORWARD -o br0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\\n"
                    + "COMMIT\\n*nat\\n:PREROUTING ACCEPT [0:0]\\n:INPUT ACCEPT [0:0]\\n:OUTPUT ACCEPT [0:0]\\n"
                    + ":POSTROUTING ACCEPT [0:0]\\n-A POSTROUTING -s 172.20.0.0/16 ! -o br0 -j MASQUERADE\\nCOMMIT\\n'"
                    + " | ip netns exec " + p + "h iptables-nft-restore;"
                    + "printf 'table inet host {\\n chain input { type filter hook input priority filter + 10; policy"
                    + " accept; ct state established,related accept; tcp dport 22 accept; }\\n}\\n'"
                    + " | ip netns exec " + p + "h nft -f -";
        }
        return common + "ip link add eth1 netns " + p + "h type veth peer name up netns " + p + "q;"
                + "ip link add lan0 netns " + p + "h type veth peer name down netns " + p + "c;"
                + "ip -n " + p + "h addr add 10.2.0.5/24 dev eth1; ip -n " + p + "h link set eth1 up;"
                + "ip -n " + p + "h addr add 192.168.1.1/24 dev lan0; ip -n " + p + "h link set lan0 up;"
                + "ip -n " + p + "h route add default via 10.2.0.1 dev eth1 table 100;"
                + "ip -n " + p + "h rule add pref 100 fwmark 0x1 lookup 100;"
                + "ip -n " + p + "h rule add pref 200 from 192.168.1.20 lookup 100;"
                + "printf '*mangle\\n:PREROUTING ACCEPT [0:0]\\n:INPUT ACCEPT [0:0]\\n:FORWARD ACCEPT [0:0]\\n"
                + ":OUTPUT ACCEPT [0:0]\\n:POSTROUTING ACCEPT [0:0]\\n-A OUTPUT -p tcp -m tcp --dport 443 -j MARK"
                + " --set-xmark 0x1/0xffffffff\\nCOMMIT\\n*filter\\n:INPUT ACCEPT [0:0]\\n:FORWARD ACCEPT [0:0]\\n"
                + ":OUTPUT ACCEPT [0:0]\\nCOMMIT\\n' | ip netns exec " + p + "h iptables-nft-restore";
    }

    /** What a user would send once the import suggested the machines. */
    private static void packets(String kind, ArrayNode packets) {
        if (kind.equals("bridge-host")) {
            packets.addObject().put("from", "behind-vA").put("proto", "tcp").put("dst", "10.99.0.100:443")
                    .put("tcpFlags", "SYN").put("reply", true);
            packets.addObject().put("from", "gateway").put("proto", "tcp").put("dst", "10.99.0.5:22")
                    .put("tcpFlags", "SYN").put("reply", true);
        } else {
            packets.addObject().put("from", "host").put("proto", "tcp").put("dst", "198.51.100.7:80")
                    .put("tcpFlags", "SYN").put("reply", false);
            packets.addObject().put("from", "host").put("proto", "tcp").put("dst", "198.51.100.7:443")
                    .put("tcpFlags", "SYN").put("reply", false);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(process.exitValue(), output);
    }
}
