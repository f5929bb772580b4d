package io.netfilterflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void checkSummarizesAValidDump() throws IOException {
        Path file = write("ok.rules", """
                *filter
                :INPUT ACCEPT [0:0]
                -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
                -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
                COMMIT
                """);

        assertThat(run("check", file.toString())).isZero();
        assertThat(out()).startsWith(file + ": iptables ruleset, 1 table, 1 chain, 2 rules")
                .contains("matches: conntrack 1, tcp 1").contains("targets: ACCEPT 2");
        assertThat(err()).isEmpty();
    }

    @Test
    void checkReportsFileLineAndReasonWithExitTwo() throws IOException {
        Path file = write("bad.rules", "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m quota --quota 100 -j ACCEPT\nCOMMIT\n");

        assertThat(run("check", file.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo(file + ":3: unsupported iptables match 'quota'\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void checkSuggestsTheEbtablesFlagForAnEbtablesDump() throws IOException {
        Path file = write("eb.rules", "*filter\n:FORWARD ACCEPT\n-A FORWARD -p IPv4 --ip-src 10.0.0.1 -j DROP\n");

        assertThat(run("check", file.toString())).isEqualTo(2);
        assertThat(err()).endsWith("(this looks like ebtables-save output: add --ebtables)\n");
        assertThat(run("check", file.toString(), "--ebtables")).isZero();
        assertThat(out()).contains("ebtables ruleset, 1 table, 1 chain, 1 rule").contains("matches: ip 1");
    }

    @Test
    void checkRecognisesNftOutputAndBinaryFiles() throws IOException {
        Path nft = write("r.nft", "table ip filter {\n\tchain input {\n\t}\n}\n");
        Path binary = dir.resolve("b.rules");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

        assertThat(run("check", nft.toString())).isZero();
        assertThat(out()).startsWith(nft + ": nftables ruleset, 1 table, 1 chain, 0 rules");
        assertThat(run("print", nft.toString())).isZero();
        assertThat(out()).isEqualTo(Files.readString(nft));
        assertThat(run("check", binary.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo(binary + ": cannot read: not UTF-8 text\n");
    }

    @Test
    void anNftFileWhoseTablesComeAfterOtherLinesIsStillReadAsOne() throws IOException {
        Path nft = write("later.nft", "#!/usr/sbin/nft -f\n# saved by hand\n\ntable inet f {\n\tchain c {\n\t}\n}\n");
        Path broken = write("broken-later.nft", "# x\ntable ip f {\n\tchain c {\n\t\tfrobnicate\n\t}\n}\n");

        assertThat(run("check", nft.toString())).isZero();
        assertThat(out()).startsWith(nft + ": nftables ruleset, 1 table, 1 chain, 0 rules");
        assertThat(run("check", broken.toString())).isEqualTo(2);
        assertThat(err()).startsWith(broken + ":4: ").doesNotContain("unexpected");
        assertThat(run("check", nft.toString(), "--ebtables")).isEqualTo(2);
        assertThat(err()).endsWith("(this looks like 'nft list ruleset' output: give iptables-save or ebtables-save output)\n");
    }

    @Test
    void checkSummarizesANativeNftablesDump() throws IOException {
        Path file = dir.resolve("docker.nft");
        try (var in = getClass().getResourceAsStream("/rulesets/docker-moby-nftabler-golden.nft")) {
            Files.write(file, in.readAllBytes());
        }

        assertThat(run("check", file.toString(), "--nft")).isZero();
        assertThat(out()).startsWith(file + ": nftables ruleset, 1 table, 10 chains, 15 rules, 0 sets, 4 maps\n")
                .contains("  table ip docker-bridges: 10 chains, 15 rules\n")
                .contains("    chain raw-PREROUTING: type filter hook prerouting priority -300 policy accept, 1 rule\n")
                .contains("    map filter-forward-in-jumps: ifname : verdict, 1 element\n")
                .contains("  verdicts: (none) 6, accept 5, drop 2, jump 2\n");
        assertThat(err()).isEmpty();
        assertThat(run("check", file.toString())).isZero();
    }

    @Test
    void printOfAnNftDumpWritesItBackByteForByte() throws IOException {
        Path file = dir.resolve("docker.nft");
        try (var in = getClass().getResourceAsStream("/rulesets/docker-moby-nftabler-golden.nft")) {
            Files.write(file, in.readAllBytes());
        }

        assertThat(run("print", file.toString(), "--nft")).isZero();
        assertThat(out()).isEqualTo(Files.readString(file));
        assertThat(run("print", file.toString())).isZero();
        assertThat(out()).isEqualTo(Files.readString(file));
        assertThat(err()).isEmpty();
    }

    @Test
    void checkAndPrintReadNftJsonAndPrintItAsNftText() throws IOException {
        Path file = dir.resolve("kube-proxy.json");
        Files.copy(Path.of("src/test/resources/rulesets/nft-json/kube-proxy.json"), file);

        assertThat(run("check", file.toString())).isZero();
        assertThat(out()).startsWith(file + ": nftables ruleset, 1 table, 13 chains, ");
        assertThat(run("print", file.toString(), "--nft")).isZero();
        assertThat(out()).isEqualTo(Files.readString(Path.of("src/test/resources/rulesets/nft-json/kube-proxy.nft")));
        assertThat(err()).isEmpty();
    }

    @Test
    void printOfABrokenNftFileSaysFileLineAndReasonWithExitTwo() throws IOException {
        Path file = write("broken.nft", "table inet f {\n\tflowtable ft {\n\t\thook ingress priority 0\n\t}\n}\n");

        assertThat(run("print", file.toString(), "--nft")).isEqualTo(2);
        assertThat(err()).isEqualTo(file + ":2: unsupported nftables object 'flowtable'"
                + " (tables, chains, sets and maps are modelled)\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void checkOfABrokenNftFileSaysFileLineAndReasonWithExitTwo() throws IOException {
        Path file = write("broken.nft", "table inet f {\n\tflowtable ft {\n\t\thook ingress priority 0\n\t}\n}\n");

        assertThat(run("check", file.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo(file + ":2: unsupported nftables object 'flowtable'"
                + " (tables, chains, sets and maps are modelled)\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void printWritesTheCanonicalForm() throws IOException {
        Path file = write("k.rules", "*nat\n-A PREROUTING -m tcp -p tcp -d 10.0.0.1 --dport 80 -j DNAT"
                + " --to-destination 10.1.0.1:8080\nCOMMIT\n");

        assertThat(run("print", file.toString())).isZero();
        assertThat(out()).isEqualTo("*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -d 10.0.0.1/32 -p tcp -m tcp"
                + " --dport 80 -j DNAT --to-destination 10.1.0.1:8080\nCOMMIT\n");
    }

    @Test
    void aMissingFileIsAnErrorNotAStackTrace() {
        assertThat(run("check", dir.resolve("absent.rules").toString())).isEqualTo(2);
        assertThat(err()).startsWith(dir.resolve("absent.rules") + ": cannot read: ").doesNotContain("Exception");
    }

    @Test
    void wrongUsageSaysHowToCallIt() {
        assertThat(run("check")).isEqualTo(Cli.USAGE);
        assertThat(err()).isEqualTo("usage: check RULES_FILE [--ebtables]\n");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("help")).isZero();
        assertThat(out()).contains("check RULES_FILE [--ebtables]").contains("bench");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
