package io.netfilterflow.netfilter.list;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.save.SystemNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code iptables -vL} as the tool prints it: the Docker host's nat table of design document 000. */
class IptablesListingTest {

    /**
     * The document's {@code # iptables -t nat -vL}, as it printed it (a file: the columns end in spaces,
     * which a text block would strip).
     */
    private static final Path SEED_000 = Path.of("src/test/resources/listing/seed-000-nat.txt");

    /** The same table as iptables-save -c prints it, with the counters the listing shows. */
    private static final String SAVED = """
            *nat
            :PREROUTING ACCEPT [1103:118000]
            :INPUT ACCEPT [1069:112000]
            :OUTPUT ACCEPT [278:22606]
            :POSTROUTING ACCEPT [285:21020]
            :DOCKER - [0:0]
            [412:26287] -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
            [60:3536] -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
            [93:6016] -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
            [0:0] -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 9736 -j MASQUERADE
            [0:0] -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 9008 -j MASQUERADE
            [0:0] -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 8080 -j MASQUERADE
            [0:0] -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 6776 -j MASQUERADE
            [137:8220] -A DOCKER -i docker0 -j RETURN
            [0:0] -A DOCKER ! -i docker0 -p tcp -m tcp --dport 9736 -j DNAT --to-destination 172.17.0.2:9736
            [0:0] -A DOCKER ! -i docker0 -p tcp -m tcp --dport 9008 -j DNAT --to-destination 172.17.0.2:9008
            [43:2356] -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:8080
            [0:0] -A DOCKER ! -i docker0 -p tcp -m tcp --dport 6776 -j DNAT --to-destination 172.17.0.2:6776
            COMMIT
            """;

    private static final SystemNames DEBIAN = SystemNames.parse(List.of(
            "# /etc/services, the lines this table needs", "http\t\t80/tcp\t\twww", "http-alt\t8080/tcp\twebcache"));

    @Test
    void printsTheDockerNatTableOfDesignDocument000AsIptablesDid() throws IOException {
        IptTable nat = IptablesSaveParser.parse(SAVED).table(IptTableName.NAT);
        assertThat(IptablesListing.list(nat, Counted.saved(nat), DEBIAN)).isEqualTo(Files.readString(SEED_000));
    }

    @Test
    void withoutAServicesFilePortsStayNumbers() {
        IptTable nat = IptablesSaveParser.parse(SAVED).table(IptTableName.NAT);
        assertThat(IptablesListing.list(nat, Counted.saved(nat), SystemNames.NONE))
                .contains("tcp dpt:8080 to:172.17.0.2:8080").doesNotContain("http-alt");
    }

    @Test
    void extensionsPrintTheirOwnWordsAndTheRestAsSaved() {
        IptTable filter = IptablesSaveParser.parse("""
                *filter
                :INPUT DROP [0:0]
                :FORWARD ACCEPT [0:0]
                :OUTPUT ACCEPT [0:0]
                :LOGGED - [0:0]
                -A INPUT -p udp -m udp --dport 5001 -j LOG --log-prefix "in: " --log-level 1
                -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment "replies" -j ACCEPT
                -A INPUT -m mark --mark 0x4000/0x4000 -m statistic --mode random --probability 0.50000000000 -g LOGGED
                -A INPUT -p tcp -m tcp --dport 22 -m length --length 0:100 -j REJECT --reject-with tcp-reset
                -A FORWARD -j MARK --set-xmark 0x4000/0x4000
                -A FORWARD -j MARK --set-xmark 0x1/0xffffffff
                COMMIT
                """).table(IptTableName.FILTER);
        String listed = IptablesListing.list(filter, (chain, line) -> new Counters(123456, 98765432), DEBIAN);
        assertThat(listed).contains("Chain INPUT (policy DROP 123K packets, 99M bytes)")
                .contains(" 123K   99M LOG        udp  --  any    any     anywhere             anywhere             "
                        + "udp dpt:5001 LOG level alert prefix \"in: \"")
                .contains("ctstate RELATED,ESTABLISHED /* replies */")
                .contains("LOGGED     all  --  any    any     anywhere             anywhere            [goto]  "
                        + "mark match 0x4000/0x4000 statistic mode random probability 0.50000000000")
                .contains("tcp dpt:22 length 0:100 reject-with tcp-reset")
                .contains("MARK or 0x4000").contains("MARK set 0x1")
                .contains("Chain LOGGED (1 references)");
    }

    /** 70,000 chains, each jumping to the next: one pass counts the references (one pass a chain took minutes). */
    @Test
    void seventyThousandChainsListInLinearTime() {
        int chains = 70_000;
        StringBuilder saved = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n");
        for (int i = 0; i < chains; i++) {
            saved.append(":C").append(i).append(" - [0:0]\n");
        }
        saved.append("-A INPUT -j C0\n-A OUTPUT -j C0\n-A FORWARD -g C2\n");
        IptTable table = IptablesSaveParser.parse(saved.append("COMMIT\n").toString()).tables().get(0);

        long start = System.nanoTime();
        String listing = IptablesListing.list(table, Counted.saved(table), SystemNames.system());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(listing).contains("Chain C0 (2 references)\n", "Chain C2 (1 references)\n",
                "Chain C69999 (0 references)\n");
        assertThat(listing.split("\nChain ", -1)).hasSize(chains + 3);
        assertThat(millis).as("milliseconds to list").isLessThan(2000);
    }
}
