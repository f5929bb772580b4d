package io.netfilterflow.netfilter.nft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NftRulesetPrinterTest {

    /**
     * What {@code nft -a list ruleset} (nft 1.0.6) printed after loading a ruleset in a namespace: every
     * family, base and regular chains, both policies, priorities by name, {@code name ± N} and a number, sets
     * with wrapped elements, a {@code typeof} map, a verdict map, a concatenation, an anonymous set in a rule,
     * table, set, chain and rule comments, handles and an empty table.
     */
    private static final String LISTING = """
            table inet host { # handle 1
            \tcomment \"host firewall\"
            \tset admins { # handle 8
            \t\ttype ipv4_addr
            \t\tflags interval
            \t\telements = { 1.2.3.4, 5.6.7.8,
            \t\t\t     10.0.0.0/8, 172.16.0.0/12,
            \t\t\t     192.168.1.7 }
            \t}

            \tset ports { # handle 9
            \t\ttype inet_service
            \t\tsize 64
            \t\tcomment \"open\"
            \t\telements = { 22, 80, 443 }
            \t}

            \tmap marks { # handle 10
            \t\ttypeof ip saddr : meta mark
            \t\telements = { 1.1.1.1 : 0x00000001 }
            \t}

            \tmap jumps { # handle 11
            \t\ttype ifname : verdict
            \t\telements = { \"lo\" : accept,
            \t\t\t     \"eth0\" : jump ssh }
            \t}

            \tset pairs { # handle 12
            \t\ttype ipv4_addr . inet_service
            \t\telements = { 1.1.1.1 . 80,
            \t\t\t     2.2.2.2 . 443 }
            \t}

            \tchain input { # handle 1
            \t\ttype filter hook input priority filter - 5; policy drop;
            \t\tct state established,related accept # handle 13
            \t\tiifname \"lo\" accept comment \"loopback\" # handle 14
            \t\ttcp dport { 22, 80 } accept # handle 16
            \t\tiifname vmap @jumps # handle 17
            \t}

            \tchain ssh { # handle 2
            \t\tcomment \"admins only\"
            \t\tip saddr @admins accept # handle 18
            \t\treturn # handle 19
            \t}

            \tchain pre { # handle 3
            \t\ttype nat hook prerouting priority dstnat; policy accept;
            \t\ttcp dport 8080 dnat ip to 10.1.1.1:80 # handle 20
            \t}

            \tchain post { # handle 4
            \t\ttype nat hook postrouting priority srcnat - 5; policy accept;
            \t\toifname \"eth0\" masquerade # handle 21
            \t}

            \tchain raw { # handle 5
            \t\ttype filter hook prerouting priority raw + 10; policy accept;
            \t}

            \tchain outgoing { # handle 6
            \t\ttype route hook output priority mangle; policy accept;
            \t}

            \tchain odd { # handle 7
            \t\ttype filter hook forward priority 11; policy accept;
            \t}
            }
            table ip6 v6 { # handle 2
            \tchain forwarding { # handle 1
            \t\ttype filter hook forward priority filter; policy drop;
            \t}
            }
            table bridge br { # handle 3
            \tchain pre { # handle 1
            \t\ttype filter hook prerouting priority dstnat; policy accept;
            \t}

            \tchain forwarding { # handle 2
            \t\ttype filter hook forward priority filter + 5; policy accept;
            \t\tether type arp drop # handle 4
            \t}

            \tchain outgoing { # handle 3
            \t\ttype filter hook output priority out; policy accept;
            \t}
            }
            table arp a { # handle 4
            \tchain incoming { # handle 1
            \t\ttype filter hook input priority filter; policy accept;
            \t}
            }
            table ip empty { # handle 5
            }
            """;

    @Test
    void whatNftPrintedWithHandlesPrintsBackByteForByte() {
        assertThat(NftRulesetPrinter.print(NftRulesetParser.parse(LISTING))).isEqualTo(LISTING);
    }

    /** What nft 1.0.6 printed for sets loaded with their statements in another order (kube-proxy's affinity set). */
    @Test
    void aSetsStatementsPrintInNftsOrderSizeBeforeFlagsAndTimeoutAfter() {
        String listed = """
                table ip t {
                \tset s {
                \t\ttype ipv4_addr
                \t\tpolicy memory
                \t\tsize 100
                \t\tflags interval,timeout
                \t\tauto-merge
                \t\ttimeout 1h
                \t\tgc-interval 5s
                \t\tcomment "c"
                \t}

                \tset d {
                \t\ttype ipv4_addr
                \t\tsize 10
                \t\tflags dynamic
                \t}
                }
                """;
        String written = "table ip t {\n\tset s {\n\t\ttype ipv4_addr\n\t\tflags interval,timeout\n\t\tcomment \"c\"\n"
                + "\t\tauto-merge\n\t\tpolicy memory\n\t\tgc-interval 5s\n\t\ttimeout 1h\n\t\tsize 100\n\t}\n"
                + "\tset d {\n\t\ttype ipv4_addr\n\t\tflags dynamic\n\t\tsize 10\n\t}\n}\n";

        assertThat(NftRulesetPrinter.print(NftRulesetParser.parse(listed))).isEqualTo(listed);
        assertThat(NftRulesetPrinter.print(NftRulesetParser.parse(written))).isEqualTo(listed);
    }

    @Test
    void whatNftPrintedWithoutHandlesPrintsBackByteForByte() {
        String plain = LISTING.replaceAll(" # handle \\d+", "");

        assertThat(NftRulesetPrinter.print(NftRulesetParser.parse(plain))).isEqualTo(plain);
    }

    @Test
    void theDockerDumpPrintsBackByteForByteAndTheK3sOneIsStillRefused() throws IOException {
        String docker = resource("docker-moby-nftabler-golden.nft");

        assertThat(NftRulesetPrinter.print(NftRulesetParser.parse(docker))).isEqualTo(docker);
        RulesSyntaxException refusal = catchThrowableOfType(
                () -> NftRulesetParser.parse(resource("k3s-flannel-kuberouter-2026.nft")), RulesSyntaxException.class);
        assertThat(refusal.line()).isEqualTo(22);
        assertThat(refusal.reason()).contains("managed by iptables-nft");
    }

    @Test
    void aHandWrittenRulesetPrintsInNftsLayoutWithPrioritiesByName() {
        String written = """
                table ip nat {
                  chain pre {  type nat hook prerouting priority -100 ;  }
                  chain post { type nat hook postrouting priority 105; policy accept; ip saddr {
                      10.0.0.0/8,
                      192.168.0.0/16 } masquerade }
                  chain out { type nat hook output priority -100; }
                }
                """;

        assertThat(NftRulesetPrinter.print(NftRulesetParser.parse(written))).isEqualTo("""
                table ip nat {
                \tchain pre {
                \t\ttype nat hook prerouting priority dstnat; policy accept;
                \t}

                \tchain post {
                \t\ttype nat hook postrouting priority srcnat + 5; policy accept;
                \t\tip saddr { 10.0.0.0/8, 192.168.0.0/16 } masquerade
                \t}

                \tchain out {
                \t\ttype nat hook output priority -100; policy accept;
                \t}
                }
                """);
    }

    @Test
    void aRulesetMadeInCodePrintsItsElementsOnOneLineAndNoHandles() {
        NftChain input = new NftChain("input", 3, null,
                new NftBaseChain(NftChainType.FILTER, "input", -5, NftPolicy.DROP),
                List.of(new NftRule(4, null, "ip saddr @ok accept", List.of("ip", "saddr", "@ok", "accept"),
                        new NftVerdict(NftVerdict.Kind.ACCEPT, null), null)));
        NftSet ok = new NftSet("ok", 2, false, "ipv4_addr", List.of("interval", "constant"),
                List.of("10.0.0.0/8", "192.168.1.7"));
        NftRuleset ruleset = new NftRuleset(List.of(new NftTable(NftFamily.INET, "t", 1, List.of(input), List.of(ok))));

        assertThat(NftRulesetPrinter.print(ruleset)).isEqualTo("""
                table inet t {
                \tset ok {
                \t\ttype ipv4_addr
                \t\tflags interval,constant
                \t\telements = { 10.0.0.0/8, 192.168.1.7 }
                \t}

                \tchain input {
                \t\ttype filter hook input priority filter - 5; policy drop;
                \t\tip saddr @ok accept
                \t}
                }
                """);
    }

    /** As nft 1.0.6 printed these after {@code nft -f} in a namespace. */
    @ParameterizedTest
    @CsvSource({
            "inet, input, 0, filter", "inet, input, -5, filter - 5", "inet, forward, 10, filter + 10",
            "inet, forward, 11, 11", "inet, prerouting, -100, dstnat", "inet, input, -100, -100",
            "inet, output, -100, -100", "inet, output, 100, 100", "inet, postrouting, 95, srcnat - 5",
            "inet, prerouting, -290, raw + 10", "inet, output, -150, mangle", "inet, input, 50, security",
            "inet, input, -200, -200", "ip, postrouting, 100, srcnat", "ip6, forward, 0, filter",
            "bridge, prerouting, -300, dstnat", "bridge, input, -200, filter", "bridge, output, 100, out",
            "bridge, postrouting, 300, srcnat", "bridge, forward, -195, filter + 5", "arp, input, 0, filter"})
    void aPriorityIsNamedAsNftNamesIt(String family, String hook, int priority, String printed) {
        assertThat(NftFamily.of(family).priorityName(hook, priority)).isEqualTo(printed);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NftRulesetPrinterTest.class.getResourceAsStream("/rulesets/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
