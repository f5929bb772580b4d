package io.netfilterflow.netfilter.nft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NftRulesetParserTest {

    private static final String HOST_FIREWALL = """
            table inet filter { # handle 7
            \tset allowed { # handle 3
            \t\ttype ipv4_addr
            \t\tflags interval
            \t\telements = { 10.0.0.0/8, 192.168.1.1,
            \t\t\t     192.168.2.0/24 }
            \t}

            \tchain input { # handle 1
            \t\ttype filter hook input priority filter; policy drop;
            \t\tct state established,related accept # handle 4
            \t\tip saddr @allowed tcp dport { 22, 443 } accept comment "ssh and https" # handle 5
            \t\tjump logging # handle 6
            \t}

            \tchain logging { # handle 2
            \t\tlog prefix "in: " return
            \t}
            }
            """;

    @Test
    void aHostFirewallWithHandlesIsReadWithItsBaseChainRulesAndSet() {
        NftRuleset ruleset = NftRulesetParser.parse(HOST_FIREWALL);

        NftTable table = ruleset.tables().get(0);
        assertThat(table.family()).isEqualTo(NftFamily.INET);
        assertThat(table.name()).isEqualTo("filter");
        NftChain input = table.chains().get(0);
        assertThat(input.handle()).isEqualTo(1L);
        assertThat(input.base()).isEqualTo(new NftBaseChain(NftChainType.FILTER, "input", 0, NftPolicy.DROP, "filter"));
        assertThat(input.rules()).extracting(NftRule::handle).containsExactly(4L, 5L, 6L);
        assertThat(input.rules()).extracting(NftRule::line).containsExactly(11, 12, 13);
        NftRule ssh = input.rules().get(1);
        assertThat(ssh.text()).isEqualTo("ip saddr @allowed tcp dport { 22, 443 } accept comment \"ssh and https\"");
        assertThat(ssh.tokens()).containsSequence("dport", "{", "22", ",", "443", "}", "accept");
        assertThat(ssh.verdict()).isEqualTo(new NftVerdict(NftVerdict.Kind.ACCEPT, null));
        assertThat(ssh.comment()).isEqualTo("ssh and https");
        assertThat(input.rules().get(2).verdict()).isEqualTo(new NftVerdict(NftVerdict.Kind.JUMP, "logging"));
        assertThat(table.chains().get(1).isBase()).isFalse();
        assertThat(table.chains().get(1).rules().get(0).verdict().kind()).isEqualTo(NftVerdict.Kind.RETURN);
        NftSet allowed = table.sets().get(0);
        assertThat(allowed.type()).isEqualTo("ipv4_addr");
        assertThat(allowed.flags()).containsExactly("interval");
        assertThat(allowed.elements()).containsExactly("10.0.0.0/8", "192.168.1.1", "192.168.2.0/24");
    }

    @Test
    void standardPriorityNamesResolvePerFamily() {
        assertThat(priority("ip", "prerouting", "raw")).isEqualTo(-300);
        assertThat(priority("ip6", "prerouting", "mangle")).isEqualTo(-150);
        assertThat(priority("inet", "prerouting", "dstnat")).isEqualTo(-100);
        assertThat(priority("ip", "input", "security")).isEqualTo(50);
        assertThat(priority("ip", "postrouting", "srcnat")).isEqualTo(100);
        assertThat(priority("bridge", "prerouting", "dstnat")).isEqualTo(-300);
        assertThat(priority("bridge", "forward", "filter")).isEqualTo(-200);
        assertThat(priority("bridge", "output", "out")).isEqualTo(100);
        assertThat(priority("bridge", "postrouting", "srcnat")).isEqualTo(300);
        assertThat(priority("ip", "input", "filter + 10")).isEqualTo(10);
        assertThat(priority("inet", "prerouting", "mangle - 5")).isEqualTo(-155);
        assertThat(priority("ip", "input", "-42")).isEqualTo(-42);
    }

    @Test
    void aPriorityNameOfAnotherFamilyIsRefusedWithItsLine() {
        RulesSyntaxException e = refusal("table bridge b {\n  chain c {\n    type filter hook input priority raw;\n  }\n}\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).startsWith("unknown priority 'raw' for family bridge");
    }

    @Test
    void theRealDockerNftablesDumpIsReadWithItsVerdictMaps() throws IOException {
        NftRuleset ruleset = NftRulesetParser.parse(resource("docker-moby-nftabler-golden.nft"));

        NftTable table = ruleset.tables().get(0);
        assertThat(table.name()).isEqualTo("docker-bridges");
        assertThat(ruleset.chainCount()).isEqualTo(10);
        assertThat(ruleset.ruleCount()).isEqualTo(15);
        assertThat(table.sets()).allMatch(NftSet::map).hasSize(4);
        assertThat(table.sets().get(0).elements()).containsExactly("\"br-dummy\" : jump filter-forward-in__br-dummy");
        assertThat(table.chains()).filteredOn(NftChain::isBase).extracting(chain -> chain.base().priority())
                .containsExactly(0, -100, 100, -100, -300);
    }

    @Test
    void theRealK3sDumpIsRefusedAtItsFirstIptablesNftTableNamingTheSaveTool() throws IOException {
        RulesSyntaxException e = refusal(resource("k3s-flannel-kuberouter-2026.nft"));

        assertThat(e.line()).isEqualTo(22);
        assertThat(e.reason()).isEqualTo(
                "table ip6 nat is managed by iptables-nft: give it as ip6tables-save output, not as nft text");
    }

    @Test
    void anIptablesNftTableWithoutItsWarningIsKnownByItsBuiltinChains() {
        RulesSyntaxException e = refusal("table ip filter {\n\tchain INPUT {\n"
                + "\t\ttype filter hook input priority filter; policy accept;\n\t}\n}\n");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("table ip filter is managed by iptables-nft").contains("iptables-save");
        assertThat(refusal("table bridge filter {\n\tchain FORWARD {\n"
                + "\t\ttype filter hook forward priority filter; policy accept;\n\t}\n}\n").reason())
                .contains("ebtables-save");
    }

    @Test
    void anXtStatementIsRefusedWithItsLine() {
        RulesSyntaxException e = refusal("table ip t {\n\tchain c {\n\t\tcounter xt target \"MASQUERADE\"\n\t}\n}\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).startsWith("'xt target \"MASQUERADE\"' is iptables-nft's compatibility statement");
    }

    @Test
    void aFlowtableIsRefusedByNameWithItsLine() {
        RulesSyntaxException e = refusal("table inet t {\n\tflowtable f {\n\t\thook ingress priority filter\n"
                + "\t\tdevices = { eth0, eth1 }\n\t}\n}\n");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).startsWith("unsupported nftables object 'flowtable'");
    }

    @Test
    void namedObjectsAndIngressChainsAreRefusedByName() {
        assertThat(refusal("table ip t {\n\tct helper ftp {\n\t\ttype \"ftp\" protocol tcp\n\t}\n}\n").reason())
                .startsWith("unsupported nftables object 'ct helper'");
        assertThat(refusal("table ip t {\n\tcounter c {\n\t\tpackets 0 bytes 0\n\t}\n}\n").reason())
                .startsWith("unsupported nftables object 'counter'");
        RulesSyntaxException counter = refusal("table ip t {\n\tset s {\n\t\ttype ipv4_addr\n\t\tcounter\n\t}\n}\n");
        assertThat(counter.line()).isEqualTo(4);
        assertThat(counter.reason()).isEqualTo("unsupported 'counter' in set s");
        RulesSyntaxException ingress = refusal("table netdev t {\n\tchain c {\n"
                + "\t\ttype filter hook ingress device \"eth0\" priority filter; policy accept;\n\t}\n}\n");
        assertThat(ingress.line()).isEqualTo(3);
        assertThat(ingress.reason()).startsWith("unsupported hook: netdev ingress");
    }

    @Test
    void aSetsDefaultTimeoutIsReadAsKubeProxysAffinitySetsHaveIt() {
        NftSet set = NftRulesetParser.parse("table ip kube-proxy {\n\tset affinity {\n\t\ttype ipv4_addr\n"
                + "\t\tsize 65535\n\t\tflags dynamic,timeout\n\t\ttimeout 3h\n\t\tgc-interval 5s\n\t}\n}\n")
                .tables().get(0).sets().get(0);

        assertThat(set.flags()).containsExactly("dynamic", "timeout");
        assertThat(set.statements()).containsExactly("size 65535", "timeout 3h", "gc-interval 5s");
    }

    @Test
    void anUnknownTopLevelKeywordIsRefusedWithItsLine() {
        RulesSyntaxException e = refusal("table ip t {\n}\nflush ruleset\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).startsWith("unknown keyword 'flush' at the top level");
    }

    @Test
    void aJumpToAChainTheTableLacksIsRefused() {
        RulesSyntaxException e = refusal("table ip t {\n\tchain c {\n\t\tgoto nowhere\n\t}\n}\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).isEqualTo("chain nowhere does not exist in table ip t");
    }

    @Test
    void truncatedAndGarbledRulesetsAreRefusedNeverCrash() throws IOException {
        List<String> texts = List.of(HOST_FIREWALL, resource("docker-moby-nftabler-golden.nft"),
                resource("k3s-flannel-kuberouter-2026.nft"));
        java.util.Random random = new java.util.Random(16);
        String marks = "{};,\"#\n\\ =:@";
        int refused = 0;
        for (String text : texts) {
            for (int cut = 0; cut < text.length(); cut += 1 + text.length() / 400) {
                refused += readsOrRefuses(text.substring(0, cut));
                char[] garbled = text.toCharArray();
                for (int k = 0; k < 3; k++) {
                    garbled[random.nextInt(garbled.length)] = marks.charAt(random.nextInt(marks.length()));
                }
                refused += readsOrRefuses(new String(garbled));
            }
        }
        refused += readsOrRefuses("table ip t { chain c { " + "{".repeat(100_000));
        refused += readsOrRefuses("}".repeat(1000));
        assertThat(refused).isGreaterThan(100);
    }

    @Test
    void aHostileRulesetIsRefusedAtTheReadersBudgetsNotHeld() {
        RulesSyntaxException rules = refusal("table ip t {\n\tchain c {\n" + "accept\n".repeat(250_000) + "\t}\n}\n");
        assertThat(rules.reason()).isEqualTo("more than 200000 rules in the ruleset (the limit of this reader)");
        assertThat(rules.line()).isEqualTo(200_003);

        assertThat(refusal("table ip t { chain c { " + "{".repeat(100) + " }").reason())
                .isEqualTo("braces nested more than 16 deep");
        assertThat(refusal("table ip t {\n\tchain c {\n\t\t" + "a ".repeat(600_000)).reason())
                .isEqualTo("a statement of more than 500000 words");
    }

    private static int readsOrRefuses(String text) {
        try {
            NftRulesetParser.parse(text);
            return 0;
        } catch (RulesSyntaxException e) {
            assertThat(e.line()).isPositive();
            assertThat(e.reason()).isNotBlank();
            return 1;
        }
    }

    private static int priority(String family, String hook, String priority) {
        return NftRulesetParser.parse("table " + family + " t {\n\tchain c {\n\t\ttype filter hook " + hook
                + " priority " + priority + "; policy accept;\n\t}\n}\n").tables().get(0).chains().get(0).base().priority();
    }

    private static RulesSyntaxException refusal(String text) {
        RulesSyntaxException e = catchThrowableOfType(() -> NftRulesetParser.parse(text), RulesSyntaxException.class);
        assertThat(e).as("refused: " + text).isNotNull();
        return e;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NftRulesetParserTest.class.getResourceAsStream("/rulesets/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
