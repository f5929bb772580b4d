package io.netfilterflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.nft.NftRulesetParser;
import io.netfilterflow.netfilter.nft.expr.NftProgram;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.support.HostTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Native tables that jump too deep or in a loop, verdict maps included, against {@code nft -f} in a namespace of
 * the test's own: nft refuses exactly those the compiler refuses, at the same line.
 */
@Tag("kernel")
class NftChainValidationConformanceTest {

    private static final Pattern NFT_ERROR = Pattern.compile("^[^:]+:(\\d+):\\d+-\\d+: Error: (.*)$", Pattern.MULTILINE);

    @Test
    void nftRefusesTheTablesRefusedHereAtTheSameLine() throws IOException {
        HostTools.requireNamespaceWith("nft");
        int refused = 0;
        for (Map.Entry<String, String> c : cases().entrySet()) {
            Path file = Files.createTempFile("chains", ".nft");
            try {
                Files.writeString(file, c.getValue());
                HostTools.Result nft = HostTools.run("nft -f '" + file + "'");
                Matcher error = NFT_ERROR.matcher(nft.output());
                Integer real = error.find() ? Integer.valueOf(error.group(1)) : null;
                assertThat(nft.exitCode() == 0).as(c.getKey() + ": " + nft.output()).isEqualTo(real == null);
                assertThat(ours(c.getValue())).as(c.getKey() + ": " + nft.output()).isEqualTo(real);
                refused += real == null ? 0 : 1;
            } finally {
                Files.delete(file);
            }
        }
        assertThat(refused).isEqualTo(4);
    }

    private static Integer ours(String text) {
        try {
            NftProgram.of(NftRulesetParser.parse(text));
            return null;
        } catch (RulesSyntaxException e) {
            return e.line();
        }
    }

    private static Map<String, String> cases() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("15 chains deep", deep(15, "jump c0"));
        cases.put("16 chains deep", deep(16, "jump c0"));
        cases.put("16 chains deep, by gotos", deep(16, "goto c0").replace("\t\tjump c", "\t\tgoto c"));
        cases.put("16 chains deep, entered through a verdict map", deep(16, "iifname vmap { \"lo\" : jump c0 }"));
        cases.put("a loop through a verdict map", "table inet t {\n\tchain input {\n\t\ttype filter hook input"
                + " priority filter; policy accept;\n\t\tjump a\n\t}\n\n\tchain a {\n\t\tiifname vmap { \"eth0\" : jump b }"
                + "\n\t}\n\n\tchain b {\n\t\tjump a\n\t}\n}\n");
        cases.put("a loop no base chain reaches", "table inet t {\n\tchain a {\n\t\tjump b\n\t}\n\n\tchain b {\n"
                + "\t\tjump a\n\t}\n}\n");
        return cases;
    }

    /** An input chain whose first rule enters c0, and c0 ... c(n-1) each jumping to the next. */
    private static String deep(int chains, String entry) {
        StringBuilder text = new StringBuilder("table inet t {\n\tchain input {\n\t\ttype filter hook input priority"
                + " filter; policy accept;\n\t\t" + entry + "\n\t}\n");
        for (int i = 0; i < chains; i++) {
            text.append("\n\tchain c").append(i).append(" {\n");
            if (i + 1 < chains) {
                text.append("\t\tjump c").append(i + 1).append('\n');
            }
            text.append("\t}\n");
        }
        return text.append("}\n").toString();
    }
}
