package io.netfilterflow.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.bridge.save.EbtablesSaveParser;
import io.netfilterflow.netfilter.bridge.save.EbtablesSavePrinter;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.ipv4.save.IptablesSavePrinter;
import io.netfilterflow.netfilter.nft.NftRuleset;
import io.netfilterflow.netfilter.nft.NftRulesetParser;
import io.netfilterflow.netfilter.nft.NftRulesetPrinter;
import io.netfilterflow.netfilter.nft.expr.NftProgram;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.support.RulesText;
import io.netfilterflow.support.SharedFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real dumps in ../shared/rulesets: every IPv4 and ebtables dump loads and prints back as it
 * was, or is refused for a reason named with its line, as iptables-restore itself refuses it; every
 * {@code nft list ruleset} listing reads and prints back byte for byte, or is refused with its line. The
 * projects' own native rulesets in src/test/resources/rulesets (fw4, firewalld, kube-proxy, Docker; their
 * sources are in its README) are held to a written outcome each: read and printed back byte for byte or
 * refused at a line, then compiled for the simulator and run in a scenario, or refused at a line by name.
 */
class RulesetCorpusTest {

    /** The refusals we expect, each one iptables-restore 1.8.9 also makes. */
    private static final Map<String, String> REFUSED = Map.of(
            "tum-net-core-fw-2015.rules", "line 1794: mac: --mac-source: 'XX:XX:XX:XX:XX:XX' is not a MAC address",
            "kube-proxy-restore-input-k8s-test.rules",
            "line 58: 'KUBE-MARK-DROP' is neither a supported target nor a chain of table nat");

    /** iptables before 1.8 printed --mac-source in upper case; 1.8 prints it in lower case. */
    private static final Pattern OLD_MAC = Pattern.compile("--mac-source ([0-9A-F:]{17})");

    @Test
    void everyIpv4AndEbtablesDumpLoadsOrIsRefusedByName() {
        List<Path> files = dumps();
        int refused = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                parse(file);
                assertThat(REFUSED).as(name + " was expected to be refused").doesNotContainKey(name);
            } catch (RulesSyntaxException e) {
                assertThat(e.getMessage()).as(name).isEqualTo(REFUSED.get(name));
                refused++;
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        assertThat(refused * 10).as("at most one file in ten refused").isLessThanOrEqualTo(files.size());
    }

    @Test
    void everyDumpThatLoadsPrintsBackExactly() {
        for (Path file : dumps()) {
            String name = file.getFileName().toString();
            if (REFUSED.containsKey(name)) {
                continue;
            }
            String text = SharedFiles.read(file);
            // trailing blanks aside: ebtables-nft writes "-j redirect " (the listing test checks that blank)
            assertThat(normalized(print(file, text))).as(name).isEqualTo(normalized(text));
            assertThat(print(file, print(file, text))).as(name + " printed twice").isEqualTo(print(file, text));
        }
    }

    @Test
    void ipv6DumpsAndNftRulesetsAreRefusedWithAReason() {
        Path dir = SharedFiles.require("rulesets");
        for (Path file : SharedFiles.list(dir, "")) {
            String name = file.getFileName().toString();
            if (name.contains("ip6") || name.endsWith(".nft")) {
                RulesSyntaxException error = catchError(() -> IptablesSaveParser.parse(SharedFiles.read(file)));
                assertThat(error).as(name).isNotNull();
                assertThat(error.getMessage()).as(name).matches("line \\d+: .+");
            }
        }
    }

    @Test
    void everyNftListingReadsAndPrintsBackByteForByteOrIsRefusedWithItsLine() {
        List<Path> listings = SharedFiles.list(SharedFiles.require("rulesets"), ".nft");
        int printed = 0;
        for (Path file : listings) {
            String text = SharedFiles.read(file);
            NftRuleset ruleset;
            try {
                ruleset = NftRulesetParser.parse(text);
            } catch (RulesSyntaxException e) {
                assertThat(e.line()).as(file.toString()).isPositive();
                assertThat(e.reason()).as(file.toString()).isNotBlank();
                continue;
            }
            assertThat(NftRulesetPrinter.print(ruleset)).as(file.toString()).isEqualTo(text);
            printed++;
        }
        assertThat(listings).isNotEmpty();
        assertThat(printed).as("the Docker nftables dump prints back").isPositive();
    }

    /**
     * What each of the projects' rulesets in src/test/resources/rulesets does, written down so a change
     * fails: "parse: line N: REASON" (refused while read), "compile: line N: REASON" (read and printed
     * back, refused by the compiler) or "runs" (read, printed back, compiled, and run in a scenario).
     */
    private static final Map<String, String> NATIVE = new TreeMap<>(Map.ofEntries(
            Map.entry("docker-moby-nftabler-golden.nft", "runs"),
            Map.entry("docker-moby-nftabler-icc-off-2026.nft", "runs"),
            Map.entry("docker-moby-nftabler-hairpin-snat-wsl2-2026.nft", "runs"),
            // an ip6 table never sees the IPv4 packets simulated
            Map.entry("docker-moby-nftabler-ip6-2026.nft", "runs"),
            // ip6 keys and reject with icmpv6 sit behind nft's nfproto ipv6 dependency: no IPv4 packet reaches them
            Map.entry("firewalld-default-2023.nft", "runs"),
            Map.entry("firewalld-public-dmz-2023.nft", "runs"),
            Map.entry("firewalld-zones-2023.nft",
                    "parse: line 2: unsupported nftables object 'ct helper' (tables, chains, sets and maps are modelled)"),
            Map.entry("k3s-flannel-kuberouter-2026.nft", "parse: line 22: table ip6 nat is managed by iptables-nft:"
                    + " give it as ip6tables-save output, not as nft text"),
            // session affinity adds to a set as packets pass
            Map.entry("kube-proxy-nftables-overall-2026.nft",
                    "compile: line 220: 'update' is not modelled by the simulator"),
            Map.entry("libvirt-nat-default-2024.nft", "runs"),
            Map.entry("openwrt-fw4-ipset-timeout-2023.nft", "runs"),
            Map.entry("openwrt-fw4-ipsets-2023.nft", "runs"),
            Map.entry("openwrt-fw4-mangle-2023.nft",
                    "compile: line 100: 'ip dscp set' is not modelled by the simulator"),
            Map.entry("openwrt-fw4-masq-2023.nft", "runs"),
            Map.entry("openwrt-fw4-redirect-2023.nft", "runs"),
            Map.entry("openwrt-fw4-wildcard-devices-2023.nft", "runs")));

    private static final Path NATIVE_DIR = Path.of("src/test/resources/rulesets");
    /** The scenario whose host takes each compiled ruleset in turn: its packets cross input, forward and output. */
    private static final Path HOST = Path.of("src/test/resources/scenarios/verified/native-inet-filter-host/scenario.json");

    @Test
    void everyProjectsRulesetHasItsWrittenOutcome() {
        Map<String, String> outcomes = new TreeMap<>();
        for (Path file : SharedFiles.list(NATIVE_DIR, ".nft")) {
            outcomes.put(file.getFileName().toString(), outcome(SharedFiles.read(file)));
        }
        assertThat(outcomes).isEqualTo(NATIVE);
    }

    /** Reads, prints back, compiles and runs one listing; says where it stopped and why. */
    private static String outcome(String text) {
        NftRuleset ruleset;
        try {
            ruleset = NftRulesetParser.parse(text);
        } catch (RulesSyntaxException e) {
            return "parse: line " + e.line() + ": " + e.reason();
        }
        if (!NftRulesetPrinter.print(ruleset).equals(text)) {
            return "does not print back byte for byte";
        }
        try {
            NftProgram.of(ruleset);
        } catch (RulesSyntaxException e) {
            return "compile: line " + e.line() + ": " + e.reason();
        }
        ObjectNode json = (ObjectNode) JsonMapper.shared().readTree(Fixtures.read(HOST));
        ((ObjectNode) json.get("host")).put("nftables", text);
        Scenario scenario = ScenarioReader.read(json.toString());
        assertThat(scenario.host().nftables().ruleset().tables()).hasSameSizeAs(ruleset.tables());
        assertThat(Simulator.run(scenario).steps()).isNotEmpty();
        return "runs";
    }

    private static List<Path> dumps() {
        Path dir = SharedFiles.require("rulesets");
        return SharedFiles.list(dir, ".rules").stream().filter(p -> !p.getFileName().toString().contains("ip6"))
                .toList();
    }

    private static boolean isEbtables(Path file) {
        return file.getFileName().toString().startsWith("ebtables");
    }

    private static void parse(Path file) {
        String text = SharedFiles.read(file);
        if (isEbtables(file)) {
            EbtablesSaveParser.parse(text);
        } else {
            IptablesSaveParser.parse(text);
        }
    }

    private static String print(Path file, String text) {
        return isEbtables(file) ? EbtablesSavePrinter.print(EbtablesSaveParser.parse(text))
                : IptablesSavePrinter.print(IptablesSaveParser.parse(text));
    }

    private static String normalized(String text) {
        Matcher mac = OLD_MAC.matcher(RulesText.normalized(text));
        StringBuilder out = new StringBuilder();
        while (mac.find()) {
            mac.appendReplacement(out, "--mac-source " + mac.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return mac.appendTail(out).toString();
    }

    private static RulesSyntaxException catchError(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RulesSyntaxException e) {
            return e;
        }
    }
}
