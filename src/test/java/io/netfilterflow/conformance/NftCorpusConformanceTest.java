package io.netfilterflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.nft.NftRuleset;
import io.netfilterflow.netfilter.nft.NftRulesetParser;
import io.netfilterflow.netfilter.nft.NftRulesetPrinter;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.support.HostTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every native ruleset of the corpus that is read is also loaded with {@code nft -f} in a namespace of the test's
 * own: what {@code nft list ruleset} prints then is exactly what the printer writes for what was read.
 */
@Tag("kernel")
class NftCorpusConformanceTest {

    private static final Path CORPUS = Path.of("src/test/resources/rulesets");
    /** Docker's goldens, written by a newer nft than 1.0.6: it takes {@code priority dstnat} on an output nat chain. */
    private static final Set<String> NEWER_NFT = Set.of("docker-moby-nftabler-golden.nft",
            "docker-moby-nftabler-hairpin-snat-wsl2-2026.nft", "docker-moby-nftabler-icc-off-2026.nft",
            "docker-moby-nftabler-ip6-2026.nft");
    /** libvirt's rules name their bridge by index ({@code iif}): it must exist before they load. */
    private static final String DEVICES = "ip link add virbr0 type bridge && ";

    @Test
    void whatIsReadPrintsAsNftListsItAfterALoad() throws IOException {
        HostTools.requireNamespaceWith("nft");
        List<Path> files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = list.filter(file -> file.toString().endsWith(".nft")).sorted().toList();
        }
        int compared = 0;
        for (Path file : files) {
            NftRuleset ruleset;
            try {
                ruleset = NftRulesetParser.parse(Files.readString(file));
            } catch (RulesSyntaxException refused) {
                continue; // refused by name; RulesetCorpusTest holds the refusal
            }
            HostTools.Result listed = HostTools.run(DEVICES + "nft -f '" + file.toAbsolutePath() + "' && nft list ruleset");
            boolean newer = NEWER_NFT.contains(file.getFileName().toString());
            if (newer && listed.output().contains("invalid priority expression value in this context")) {
                continue;
            }
            assertThat(listed.exitCode()).as("%s loads: %s", file, listed.output()).isZero();
            assertThat(withoutClock(NftRulesetPrinter.print(ruleset))).as("%s", file)
                    .isEqualTo(withoutClock(listed.output()));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(10);
    }

    /** An element's time left ({@code expires 9m59s988ms}) is the clock's, not the ruleset's. */
    private static String withoutClock(String listing) {
        return listing.replaceAll("expires \\w+", "expires ...");
    }
}
