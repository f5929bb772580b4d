package io.netfilterflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.bridge.save.EbtablesSaveParser;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.list.Counted;
import io.netfilterflow.netfilter.list.EbtablesListing;
import io.netfilterflow.netfilter.list.IptablesListing;
import io.netfilterflow.netfilter.save.SystemNames;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.support.HostTools;
import io.netfilterflow.support.SharedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Counters view against the real tools: each ruleset is restored with its counters in a namespace
 * of the test's own, and {@code iptables -t T -vL} and {@code ebtables -t T -L --Lc} must print what
 * this project lists for it, byte for byte.
 */
@Tag("kernel")
class ListingConformanceTest {

    private static final String TABLE_END = "--table-end--";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void iptablesVLOfTheCorpusAndThePresetsIsWhatThisProjectLists() {
        HostTools.requireNamespaceWith("iptables-restore", "iptables");
        List<Named> rulesets = new ArrayList<>();
        for (Path file : SharedFiles.list(SharedFiles.require("rulesets"), ".rules")) {
            String name = file.getFileName().toString();
            if (!name.contains("ip6") && !name.startsWith("ebtables")) {
                rulesets.add(new Named(name, SharedFiles.read(file)));
            }
        }
        rulesets.addAll(scenarioRules("iptables", null));
        int compared = 0;
        SoftAssertions softly = new SoftAssertions();
        for (Named ruleset : rulesets) {
            IptablesRuleset rules = parsedIptables(ruleset.text());
            if (rules == null || rules.tables().isEmpty()) {
                continue;
            }
            StringBuilder script = new StringBuilder("iptables-restore -c <<'EOF' || exit 9\n")
                    .append(ruleset.text()).append("\nEOF\n");
            rules.tables().forEach(table -> script.append("iptables -t ").append(table.name().saveName())
                    .append(" -vL; echo ").append(TABLE_END).append('\n'));
            HostTools.Result real = HostTools.run(script.toString());
            if (real.exitCode() == 9) {
                continue; // the kernel refuses it in an empty namespace (an ipset it names does not exist)
            }
            String[] listed = real.output().split(TABLE_END + "\n", -1);
            for (int i = 0; i < rules.tables().size(); i++) {
                IptTable table = rules.tables().get(i);
                softly.assertThat(IptablesListing.list(table, Counted.saved(table), SystemNames.system()))
                        .as("%s: iptables -t %s -vL", ruleset.name(), table.name().saveName()).isEqualTo(listed[i]);
                compared++;
            }
        }
        softly.assertAll();
        assertThat(compared).as("tables compared").isGreaterThanOrEqualTo(30);
    }

    @Test
    void ebtablesLOfThePresetsAndTheCorpusIsWhatThisProjectLists() {
        HostTools.requireNamespaceWith("ebtables-restore", "ebtables");
        List<Named> rulesets = new ArrayList<>();
        for (Path file : SharedFiles.list(SharedFiles.require("rulesets"), ".rules")) {
            if (file.getFileName().toString().startsWith("ebtables")) {
                rulesets.add(new Named(file.getFileName().toString(), SharedFiles.read(file)));
            }
        }
        rulesets.addAll(scenarioRules("ebtables", "nft")); // this kernel has no ebtables-legacy tables
        // counters as ebtables-restore keeps them (-c; it reads a leading [p:b] and drops it)
        rulesets.add(new Named("counted", """
                *filter
                :INPUT ACCEPT
                :FORWARD DROP
                :OUTPUT ACCEPT
                :zz RETURN
                -A FORWARD -s 02:42:ac:11:00:02 -j DROP -c 3 294
                -A FORWARD -p IPv4 -i veth+ --ip-dst 172.17.0.0/16 -j zz -c 123456789 98765432101
                -A zz --pkttype-type host -j ACCEPT -c 1 60
                *nat
                :PREROUTING ACCEPT
                :OUTPUT ACCEPT
                :POSTROUTING ACCEPT
                -A PREROUTING -d 02:42:ac:11:00:09 -j dnat --to-dst 02:42:ac:11:00:03 --dnat-target ACCEPT -c 2 168
                """));
        int compared = 0;
        SoftAssertions softly = new SoftAssertions();
        for (Named ruleset : rulesets) {
            EbtablesRuleset rules = EbtablesSaveParser.parse(ruleset.text());
            StringBuilder script = new StringBuilder("ebtables-restore <<'EOF' || exit 9\n").append(ruleset.text())
                    .append("\nEOF\n");
            rules.tables().forEach(table -> script.append("ebtables -t ").append(table.name().saveName())
                    .append(" -L --Lc; echo ").append(TABLE_END).append('\n'));
            HostTools.Result real = HostTools.run(script.toString());
            assertThat(real.exitCode()).as("%s loads: %s", ruleset.name(), real.output()).isZero();
            String[] listed = real.output().split(TABLE_END + "\n", -1);
            for (int i = 0; i < rules.tables().size(); i++) {
                EbtTable table = rules.tables().get(i);
                softly.assertThat(EbtablesListing.list(table, Counted.saved(table)))
                        .as("%s: ebtables -t %s -L --Lc", ruleset.name(), table.name().saveName()).isEqualTo(listed[i]);
                compared++;
            }
        }
        softly.assertAll();
        assertThat(compared).as("tables compared").isGreaterThanOrEqualTo(12);
    }

    private record Named(String name, String text) {
    }

    /** Each scenario's (presets', fixtures') rules text, once per distinct text. */
    private static List<Named> scenarioRules(String field, String backend) {
        Map<String, Named> found = new LinkedHashMap<>();
        for (Path file : Fixtures.scenarios()) {
            JsonNode host = JSON.readTree(Fixtures.read(file)).path("host");
            String text = host.path(field).asString("");
            if (!text.isBlank() && (backend == null || backend.equals(host.path("backend").asString("nft")))) {
                found.putIfAbsent(text, new Named(file.toString(), text));
            }
        }
        return List.copyOf(found.values());
    }

    private static IptablesRuleset parsedIptables(String text) {
        try {
            return IptablesSaveParser.parse(text);
        } catch (RulesSyntaxException e) {
            return null; // the corpus keeps dumps this project refuses, each with its reason
        }
    }
}
