package io.netfilterflow.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.HostTools;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The capture script on a real host of its own: what it records, as root and as nobody, and that it changes nothing. */
@Tag("kernel")
class CaptureKernelTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![0-9.])");
    private static final Pattern MAC = Pattern.compile("(?<![0-9a-fA-F:])[0-9a-f]{1,2}(?::[0-9a-f]{1,2}){5}(?![0-9a-fA-F:])");

    @TempDir
    static Path dir;

    static CapturedHost host;

    @BeforeAll
    static void captureTheHost() throws IOException {
        HostTools.requireNamespaceWith("ip", "bridge", "nft", "iptables-nft", "iptables-nft-save", "ebtables-save",
                "iptables-legacy", "iptables-legacy-save", "ipset", "socat", "dash", "busybox", "setpriv");
        host = CapturedHost.capture(dir);
    }

    @Test
    void everyRunExitsZeroAndSaysNothingOnStandardError() {
        assertThat(host.exits()).containsOnly(Map.entry("dash", "0 "), Map.entry("busybox", "0 "),
                Map.entry("nobody", "0 "), Map.entry("redacted", "0 "));
    }

    @Test
    void underDashAndBusyboxTheSnapshotHoldsTheHostThatWasBuilt() {
        for (String run : List.of("dash.json", "busybox.json")) {
            JsonNode snapshot = JSON.readTree(host.read(run));
            assertThat(snapshot.path("schema").asString()).as(run).isEqualTo("netfilter-flow/snapshot@1");
            assertThat(snapshot.path("redacted").asBoolean(true)).as(run).isFalse();
            JsonNode commands = snapshot.path("commands");
            commands.properties().forEach(entry -> assertThat(entry.getValue().path("status").asString())
                    .as(run + " " + entry.getKey()).isIn("ok", "skipped"));

            JsonNode links = commands.path("ip-link").path("output");
            assertThat(find(links, "ifname", "br0").path("linkinfo").path("info_kind").asString()).isEqualTo("bridge");
            assertThat(find(links, "ifname", "veth0").path("master").asString()).isEqualTo("br0");
            JsonNode br0 = find(commands.path("ip-addr").path("output"), "ifname", "br0");
            assertThat(find(br0.path("addr_info"), "local", "172.17.0.1").path("prefixlen").asInt()).isEqualTo(16);
            JsonNode route = find(commands.path("ip-route").path("output"), "dst", "198.51.100.0/24");
            assertThat(route.path("table").asString()).isEqualTo("100");
            assertThat(route.path("gateway").asString()).isEqualTo("203.0.113.9");
            JsonNode rule = find(commands.path("ip-rule").path("output"), "priority", "100");
            assertThat(rule.path("fwmark").asString()).isEqualTo("0x1");
            assertThat(rule.path("table").asString()).isEqualTo("100");
            assertThat(find(commands.path("bridge-link").path("output"), "ifname", "veth0").path("master").asString())
                    .isEqualTo("br0");
            assertThat(commands.path("bridge-fdb").path("output").isArray()).isTrue();

            JsonNode iptables = commands.path("iptables-nft-save");
            assertThat(iptables.path("output").asString())
                    .contains("-A POSTROUTING -s 172.17.0.0/16 ! -o br0 -j MASQUERADE\n");
            assertThat(iptables.path("rules").asInt()).isEqualTo(1);
            JsonNode legacy = commands.path("iptables-legacy-save");
            assertThat(legacy.path("output").asString())
                    .contains("-A INPUT -s 198.51.100.7/32 -p tcp -m tcp --dport 2222 -j ACCEPT\n");
            assertThat(legacy.path("rules").asInt()).isEqualTo(1);
            assertThat(commands.path("ipset").path("output").asString()).contains("create allowed hash:ip")
                    .contains("add allowed 198.51.100.8\n");
            JsonNode nft = commands.path("nft").path("output").path("nftables");
            assertThat(nft.isArray()).as("nft -j is embedded as JSON").isTrue();
            assertThat(StreamSupport.stream(nft.spliterator(), false).map(item -> item.path("rule"))
                    .filter(r -> r.path("table").asString().equals("host")).map(r -> r.path("comment").asString()))
                    .containsExactly("a ssh é");

            JsonNode sysctl = snapshot.path("sysctl");
            assertThat(sysctl.path("net.ipv4.ip_forward").asString()).isEqualTo("1");
            assertThat(sysctl.path("net.ipv4.conf.br0.rp_filter").asString()).isEqualTo("2");
            assertThat(sysctl.path("net.ipv4.conf.all.rp_filter").isString()).isTrue();
            assertThat(sysctl.has("net.netfilter.nf_conntrack_tcp_be_liberal")).isTrue();
            assertThat(sysctl.has("net.bridge.bridge-nf-call-iptables")).isTrue();
            assertThat(strings(snapshot.path("listen"))).contains("tcp/2222", "udp/5353").doesNotContain("tcp/8053");
            assertThat(strings(snapshot.path("listenLoopback"))).contains("tcp/8053");
            assertThat(snapshot.path("host").path("hostname").asString()).isNotBlank();
            assertThat(snapshot.path("host").path("kernel").asString()).isNotBlank();
        }
    }

    @Test
    void asNobodyItRecordsWhatItWasRefusedAndStillReadsWhatAnyoneMay() {
        JsonNode snapshot = JSON.readTree(host.read("nobody.json"));
        JsonNode commands = snapshot.path("commands");

        assertThat(snapshot.path("host").path("uid").asInt()).isEqualTo(65534);
        for (String refused : List.of("iptables-nft-save", "iptables-legacy-save", "ebtables-save", "nft", "ipset")) {
            assertThat(commands.path(refused).path("status").asString()).as(refused).isEqualTo("permission denied");
            assertThat(commands.path(refused).path("message").asString()).as(refused).isNotBlank();
        }
        for (String readable : List.of("ip-link", "ip-addr", "ip-route", "ip-rule", "bridge-link", "bridge-fdb")) {
            assertThat(commands.path(readable).path("status").asString()).as(readable).isEqualTo("ok");
        }
        assertThat(find(commands.path("ip-route").path("output"), "dst", "198.51.100.0/24").path("table").asString())
                .isEqualTo("100");
        assertThat(snapshot.path("sysctl").path("net.ipv4.ip_forward").asString()).isEqualTo("1");
        assertThat(strings(snapshot.path("listen"))).contains("tcp/2222");
    }

    @Test
    void theHostIsByteIdenticalAfterFourCaptures() {
        String before = host.read("before");

        assertThat(before).contains("table inet host").contains("-A POSTROUTING -s 172.17.0.0/16")
                .contains("/proc/sys/net/ipv4/ip_forward:1").contains("198.51.100.0/24 via 203.0.113.9")
                .contains("fwmark 0x1 lookup 100");
        assertThat(host.read("after")).isEqualTo(before);
    }

    @Test
    void redactionReplacesEveryAddressTheSameWayEverywhere() {
        String plain = host.read("dash.json");
        String redacted = host.read("redacted.json");
        JsonNode snapshot = JSON.readTree(redacted);

        assertThat(snapshot.path("redacted").asBoolean()).isTrue();
        assertThat(snapshot.path("host").path("hostname").asString()).isEqualTo("redacted-host");
        for (String address : tokens(IPV4, plain)) {
            if (!kept(address)) {
                assertThat(tokens(IPV4, redacted)).as(address).doesNotContain(address);
            }
        }
        for (String mac : tokens(MAC, plain)) {
            if (Integer.parseInt(mac.substring(0, mac.indexOf(':')), 16) % 2 == 0 && !mac.equals("00:00:00:00:00:00")) {
                assertThat(tokens(MAC, redacted)).as(mac).doesNotContain(mac);
            }
        }
        Map<String, String> images = new HashMap<>();
        pair(JSON.readTree(plain), snapshot, images);
        assertThat(images).containsEntry("127.0.0.1", "127.0.0.1").containsKeys("172.17.0.1", "203.0.113.9");
        assertThat(images.values()).doesNotHaveDuplicates();
        // a subnet stays a subnet: the bridge's address is in its route's /16, the gateway in the uplink's /24
        assertThat(images.get("172.17.0.0")).endsWith(".0.0");
        assertThat(prefix(images.get("172.17.0.1"), 2)).isEqualTo(prefix(images.get("172.17.0.0"), 2));
        assertThat(prefix(images.get("203.0.113.9"), 3)).isEqualTo(prefix(images.get("203.0.113.5"), 3));
        assertThat(images.get("203.0.113.9")).endsWith(".9");
    }

    /**
     * Walks the plain and the redacted snapshot side by side, pairing each address token with its image: the same
     * address must always get the same image. The capture times differ between the runs and hold no address.
     */
    private static void pair(JsonNode plain, JsonNode redacted, Map<String, String> images) {
        if (plain.isString()) {
            List<String> from = tokens(IPV4, plain.asString());
            List<String> to = tokens(IPV4, redacted.asString());
            assertThat(to).as(plain.asString()).hasSameSizeAs(from);
            for (int i = 0; i < from.size(); i++) {
                String earlier = images.putIfAbsent(from.get(i), to.get(i));
                assertThat(earlier == null ? to.get(i) : earlier).as(from.get(i)).isEqualTo(to.get(i));
            }
            return;
        }
        if (plain.isObject()) {
            plain.properties().forEach(entry -> pair(entry.getValue(), redacted.path(entry.getKey()), images));
        } else if (plain.isArray()) {
            assertThat(redacted.size()).isEqualTo(plain.size());
            for (int i = 0; i < plain.size(); i++) {
                pair(plain.get(i), redacted.get(i), images);
            }
        }
    }

    private static boolean kept(String address) {
        int first = Integer.parseInt(address.substring(0, address.indexOf('.')));
        return first == 0 || first == 127 || address.startsWith("169.254.") || (first >= 224 && first < 240)
                || address.equals("255.255.255.255");
    }

    private static String prefix(String address, int octets) {
        return String.join(".", List.of(address.split("\\.")).subList(0, octets));
    }

    private static List<String> tokens(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(item -> item.path(field).asString().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + array));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
