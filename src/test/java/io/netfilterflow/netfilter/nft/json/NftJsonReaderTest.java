package io.netfilterflow.netfilter.nft.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.nft.NftRule;
import io.netfilterflow.netfilter.nft.NftRuleset;
import io.netfilterflow.netfilter.nft.NftRulesetParser;
import io.netfilterflow.netfilter.nft.NftRulesetPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each pair under rulesets/nft-json was captured from nft 1.0.6 in a throw-away namespace: {@code nft -j list
 * ruleset} and {@code nft list ruleset} of the same loaded ruleset. The JSON reads into the model the text
 * parser makes of the text, and prints back as nft printed it.
 */
class NftJsonReaderTest {

    private static String resource(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/rulesets/nft-json", name), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-bridges", "inet-filter", "kube-proxy", "bridge-filter", "ip-nat", "edge-cases", "more-shapes"})
    void jsonPrintsAsNftPrintedTheText(String name) throws IOException {
        String json = resource(name + ".json");
        String text = resource(name + ".nft");

        NftRuleset fromJson = NftJsonReader.parse(json);
        NftRuleset fromText = NftRulesetParser.parse(text);

        assertThat(NftRulesetPrinter.print(fromJson)).isEqualTo(text);
        assertThat(tokens(fromJson)).isEqualTo(tokens(fromText));
    }

    private static List<List<String>> tokens(NftRuleset ruleset) {
        return ruleset.tables().stream().flatMap(table -> table.chains().stream())
                .flatMap(chain -> chain.rules().stream()).map(NftRule::tokens).toList();
    }
}
