package io.netfilterflow.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.HostTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small host built in a network namespace of its own (a bridge with a port, addresses, a route in table 100, an
 * {@code ip rule} with a fwmark, an iptables-nft and an iptables-legacy rule, an ipset, a native nft table, three
 * listening sockets), captured by the
 * script under dash, under busybox sh, as nobody and with {@code --redact}; the host's state is dumped before and
 * after. Each file the run leaves is read back by name.
 */
final class CapturedHost {

    static final Path SCRIPT = Path.of("capture/netfilter-flow-capture.sh");

    /**
     * Everything the capture must not change: rulesets, sysctls, links, addresses, routes and rules (the links
     * without {@code -d}, whose bridge timers run by themselves; rule counters without their numbers, which the
     * kernel's own IGMP reports move).
     */
    private static final String STATE = """
            { nft list ruleset; iptables-nft-save | grep -v '^#'; iptables-legacy-save | grep -v '^#'; ebtables-save | grep -v '^#'; ipset save;
              grep -r . /proc/sys/net/ipv4 /proc/sys/net/bridge /proc/sys/net/netfilter 2>/dev/null \
                | grep -v 'nf_conntrack_count\\|/neigh/'
              ip link show; bridge link show; ip addr show; ip route show table all; ip rule show; bridge fdb show; } \
            | sed 's/\\[[0-9]*:[0-9]*\\]/[counters]/; s/packets [0-9]* bytes [0-9]*/packets, bytes/'""";

    private static final String BUILD = """
            # no IPv6: its duplicate address detection would change the routes while the captures run
            echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6 && echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6
            ip link set lo up
            ip link add br0 type bridge && ip link add veth0 type veth peer name veth1
            ip link set veth0 master br0 && ip link set br0 up && ip link set veth0 up && ip link set veth1 up
            ip addr add 172.17.0.1/16 dev br0 && ip addr add 203.0.113.5/24 dev veth1
            ip route add default via 203.0.113.1 dev veth1
            ip route add 198.51.100.0/24 via 203.0.113.9 dev veth1 table 100
            ip rule add priority 100 fwmark 0x1 lookup 100
            echo 1 > /proc/sys/net/ipv4/ip_forward && echo 2 > /proc/sys/net/ipv4/conf/br0/rp_filter
            iptables-nft -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o br0 -j MASQUERADE
            iptables-legacy -A INPUT -s 198.51.100.7 -p tcp --dport 2222 -j ACCEPT
            ipset create allowed hash:ip && ipset add allowed 198.51.100.8
            nft add table inet host
            nft add chain inet host input '{ type filter hook input priority 0; policy accept; }'
            nft add rule inet host input ip saddr 198.51.100.0/24 tcp dport 2222 accept comment '"a ssh é"'
            socat TCP4-LISTEN:2222,reuseaddr,fork SYSTEM:true & l1=$!
            socat -u UDP4-RECV:5353 OPEN:/dev/null & l2=$!
            socat TCP4-LISTEN:8053,bind=127.0.0.1,reuseaddr,fork SYSTEM:true & l3=$!
            sleep 0.3
            """;

    private final Path dir;

    private CapturedHost(Path dir) {
        this.dir = dir;
    }

    /** Builds the host, captures it four ways; the listeners die with the run. */
    static CapturedHost capture(Path dir) throws IOException {
        Files.copy(SCRIPT, dir.resolve("capture.sh"));
        String d = dir.toString();
        String script = "set -u\nchmod 755 " + d + " && chmod 644 " + d + "/capture.sh\n" + BUILD
                + STATE + " > " + d + "/before 2>&1\n"
                + "dash " + d + "/capture.sh > " + d + "/dash.json 2> " + d + "/dash.err; echo $? > " + d + "/dash.rc\n"
                + "busybox sh " + d + "/capture.sh -o " + d + "/busybox.json 2> " + d + "/busybox.err; echo $? > " + d
                + "/busybox.rc\n"
                + "setpriv --reuid=65534 --regid=65534 --clear-groups dash " + d + "/capture.sh > " + d
                + "/nobody.json 2> " + d + "/nobody.err; echo $? > " + d + "/nobody.rc\n"
                + "dash " + d + "/capture.sh --redact > " + d + "/redacted.json 2> " + d + "/redacted.err; echo $? > "
                + d + "/redacted.rc\n"
                + STATE + " > " + d + "/after 2>&1\n"
                + "kill $l1 $l2 $l3 2>/dev/null; exit 0\n";
        HostTools.Result run = HostTools.run(script);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return new CapturedHost(dir);
    }

    String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exit code of one run and what it wrote on standard error, by run name. */
    Map<String, String> exits() {
        Map<String, String> exits = new TreeMap<>();
        for (String run : new String[] {"dash", "busybox", "nobody", "redacted"}) {
            exits.put(run, read(run + ".rc").strip() + " " + read(run + ".err"));
        }
        return exits;
    }
}
