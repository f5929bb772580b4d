package io.netfilterflow.netfilter.nft.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netfilterflow.netfilter.nft.NftRuleset;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import org.junit.jupiter.api.Test;

/** Lines of what the JSON reader reads, and what it refuses: each with the JSON line and the reason. */
class NftJsonRefusalTest {

    private static final String TABLE = "{\"table\": {\"family\": \"inet\", \"name\": \"f\", \"handle\": 1}}";
    private static final String CHAIN = "{\"chain\": {\"family\": \"inet\", \"table\": \"f\", \"name\": \"input\","
            + " \"handle\": 1, \"type\": \"filter\", \"hook\": \"input\", \"prio\": 0, \"policy\": \"drop\"}}";

    private static String rule(String expr) {
        return "{\"rule\": {\"family\": \"inet\", \"table\": \"f\", \"chain\": \"input\", \"handle\": 2,"
                + " \"expr\": [" + expr + "]}}";
    }

    private static RulesSyntaxException refusal(String json) {
        return catchThrowableOfType(RulesSyntaxException.class, () -> NftJsonReader.parse(json));
    }

    @Test
    void oneLineJsonIsNumberedAsWhenPrettyPrinted() {
        String json = "{\"nftables\": [" + TABLE + ", " + CHAIN + ", " + rule("{\"accept\": null}") + "]}";

        NftRuleset ruleset = NftJsonReader.parse(json);

        // jq .: line 3 opens the table object, 10 the chain, 22 the rule
        assertThat(ruleset.tables().get(0).line()).isEqualTo(3);
        assertThat(ruleset.tables().get(0).chains().get(0).line()).isEqualTo(10);
        assertThat(ruleset.tables().get(0).chains().get(0).rules().get(0).line()).isEqualTo(22);
        assertThat(ruleset.tables().get(0).chains().get(0).base().priority()).isZero();
        assertThat(ruleset.tables().get(0).chains().get(0).base().writtenPriority()).isEqualTo("filter");
    }

    @Test
    void prettyJsonKeepsItsOwnLines() {
        String json = "{\n\"nftables\": [\n" + TABLE + ",\n" + CHAIN + ",\n\n" + rule("{\"drop\": null}") + "\n]}\n";

        NftRuleset ruleset = NftJsonReader.parse(json);

        assertThat(ruleset.tables().get(0).chains().get(0).rules().get(0).line()).isEqualTo(6);
        assertThat(ruleset.tables().get(0).chains().get(0).rules().get(0).text()).isEqualTo("drop");
    }

    @Test
    void badJsonSaysItsLineAndWhatIsWrong() {
        RulesSyntaxException e = refusal("{\n\"nftables\": [\n" + TABLE + ",\n{\"chain\": }\n]}\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).startsWith("not valid JSON: Unexpected character ('}'");
    }

    @Test
    void anUnmodelledStatementIsRefusedByNameOnItsLine() {
        RulesSyntaxException e = refusal("{\n\"nftables\": [\n" + TABLE + ",\n" + CHAIN + ",\n"
                + rule("{\"tproxy\": {\"addr\": \"1.2.3.4\"}}") + "\n]}\n");

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.reason()).isEqualTo("'tproxy' is not modelled by the simulator");
    }

    @Test
    void iptablesNftCompatibilityStatementsAreRefusedAsInText() {
        RulesSyntaxException e = refusal("{\n\"nftables\": [\n" + TABLE + ",\n" + CHAIN + ",\n"
                + rule("{\"xt\": {\"type\": \"match\", \"name\": \"conntrack\"}}") + "\n]}\n");

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.reason()).startsWith("'xt match conntrack' is iptables-nft's compatibility statement");
    }

    @Test
    void whatIptablesNftLoadedIsRefusedAsIptablesSaveText() throws java.io.IOException {
        // captured from nft 1.0.6 after iptables-nft -A INPUT -m conntrack --ctstate ESTABLISHED -m comment ...
        String json = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/resources/rulesets/nft-json/iptables-nft-filter.json"));

        RulesSyntaxException e = refusal(json);

        assertThat(e.line()).isEqualTo(29);
        assertThat(e.reason()).startsWith("'xt match conntrack' is iptables-nft's compatibility statement");
    }

    @Test
    void flowtablesAndNamedObjectsAreRefusedByName() {
        RulesSyntaxException e = refusal("{\n\"nftables\": [\n" + TABLE + ",\n{\"flowtable\": {\"family\": \"inet\","
                + " \"table\": \"f\", \"name\": \"ft\"}}\n]}\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).startsWith("unsupported nftables object 'flowtable'");
    }

    @Test
    void whatTheTextParserRefusesIsRefusedOnTheJsonLine() {
        String ingress = "{\"chain\": {\"family\": \"inet\", \"table\": \"f\", \"name\": \"in\", \"handle\": 1,"
                + " \"type\": \"filter\", \"hook\": \"ingress\", \"dev\": \"eth0\", \"prio\": 0, \"policy\": \"accept\"}}";
        RulesSyntaxException e = refusal("{\n\"nftables\": [\n" + TABLE + ",\n" + ingress + "\n]}\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).startsWith("unsupported hook: inet ingress");
    }

    @Test
    void setTimeoutsAreRefused() {
        String set = "{\"set\": {\"family\": \"inet\", \"table\": \"f\", \"name\": \"s\", \"type\": \"ipv4_addr\","
                + " \"flags\": [\"timeout\"], \"timeout\": 60}}";
        RulesSyntaxException e = refusal("{\n\"nftables\": [\n" + TABLE + ",\n" + set + "\n]}\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).isEqualTo("unsupported 'timeout' in set s");
    }

    @Test
    void tablesThatIptablesNftMadeAreRefused() {
        String table = "{\"table\": {\"family\": \"ip\", \"name\": \"filter\", \"handle\": 1}}";
        String chain = "{\"chain\": {\"family\": \"ip\", \"table\": \"filter\", \"name\": \"INPUT\", \"handle\": 1,"
                + " \"type\": \"filter\", \"hook\": \"input\", \"prio\": 0, \"policy\": \"accept\"}}";
        RulesSyntaxException e = refusal("{\n\"nftables\": [\n" + table + ",\n" + chain + "\n]}\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).contains("managed by iptables-nft");
    }

    @Test
    void aRuleOfAChainThatWasNotListedIsRefused() {
        RulesSyntaxException e = refusal("{\n\"nftables\": [\n" + TABLE + ",\n" + rule("{\"accept\": null}") + "\n]}\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).isEqualTo("chain input does not exist in table inet f");
    }

    @Test
    void nestingDeeperThanTheBudgetIsRefused() {
        String deep = "[".repeat(NftJsonReader.MAX_DEPTH + 1) + "]".repeat(NftJsonReader.MAX_DEPTH + 1);
        RulesSyntaxException e = refusal("{\"nftables\": " + deep + "}");

        assertThat(e.reason()).contains("nesting depth");
    }
}
