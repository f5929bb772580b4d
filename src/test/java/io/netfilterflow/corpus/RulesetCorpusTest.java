package io.netfilterflow.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.bridge.save.EbtablesSaveParser;
import io.netfilterflow.netfilter.bridge.save.EbtablesSavePrinter;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.ipv4.save.IptablesSavePrinter;
import io.netfilterflow.netfilter.nft.NftRuleset;
import io.netfilterflow.netfilter.nft.NftRulesetParser;
import io.netfilterflow.netfilter.nft.NftRulesetPrinter;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.support.RulesText;
import io.netfilterflow.support.SharedFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The real dumps in ../shared/rulesets: every IPv4 and ebtables dump loads and prints back as it
 * was, or is refused for a reason named with its line, as iptables-restore itself refuses it; every
 * {@code nft list ruleset} listing reads and prints back byte for byte, or is refused with its line.
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
