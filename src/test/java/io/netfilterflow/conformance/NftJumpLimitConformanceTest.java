package io.netfilterflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.netfilter.bridge.save.EbtablesSaveParser;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.support.ChainsOfJumps;
import io.netfilterflow.support.HostTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The jump depths nf_tables refuses, against the real tools in a namespace of the test's own: for
 * each table, iptables-nft-restore's first error line is the one this project gives for the nft
 * backend (up to the explanation after ';'), and iptables-legacy-restore loads what it loads; the same
 * for ebtables-restore (ebtables-nft) and ebtables-legacy-restore.
 */
@Tag("kernel")
class NftJumpLimitConformanceTest {

    @Test
    void theFirstRuleIptablesNftRestoreRefusesIsTheOneNamedHere() throws IOException {
        HostTools.requireNamespaceWith("iptables-nft-restore", "iptables-legacy-restore");
        int refused = 0;
        for (Map.Entry<String, String> c : cases().entrySet()) {
            Path file = Files.createTempFile("jumps", ".rules");
            try {
                Files.writeString(file, c.getValue());
                HostTools.Result nft = HostTools.run("iptables-nft-restore < '" + file + "'");
                HostTools.Result legacy = HostTools.run("iptables-legacy-restore < '" + file + "'");
                String ours = ours(c.getValue(), Backend.NFT);
                String real = nft.output().lines().filter(line -> line.startsWith("line ")).findFirst().orElse(null);
                assertThat(ours == null ? null : ours.substring(0, ours.indexOf(';'))).as(c.getKey()).isEqualTo(real);
                assertThat(nft.exitCode() == 0).as(c.getKey() + " loads with nft").isEqualTo(real == null);
                assertThat(legacy.exitCode() == 0).as(c.getKey() + " loads with legacy")
                        .isEqualTo(ours(c.getValue(), Backend.LEGACY) == null);
                refused += real == null ? 0 : 1;
            } finally {
                Files.delete(file);
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(8);
    }

    @Test
    void ebtablesNftRefusesTheSameDepthAtTheSameRule() throws IOException {
        HostTools.requireNamespaceWith("ebtables-restore", "ebtables-legacy-restore");
        int refused = 0;
        for (int chains : new int[] {15, 16, 20}) {
            String text = ChainsOfJumps.ebtables(chains);
            Path file = Files.createTempFile("jumps", ".ebtables");
            try {
                Files.writeString(file, text);
                HostTools.Result nft = HostTools.run("ebtables-restore < '" + file + "'");
                HostTools.Result legacy = HostTools.run("ebtables-legacy-restore < '" + file + "'");
                String real = nft.output().lines().filter(line -> line.startsWith("line ")).findFirst().orElse(null);
                String ours;
                try {
                    EbtablesSaveParser.parse(text.toString(), Backend.NFT);
                    ours = null;
                } catch (RulesSyntaxException e) {
                    ours = e.getMessage().substring(0, e.getMessage().indexOf(';'));
                }
                assertThat(ours).as(chains + " chains").isEqualTo(real);
                refused += real == null ? 0 : 1;
                if (!legacy.output().contains("doesn't support")) { // kernels built without ebtables' x_tables tables
                    assertThat(legacy.exitCode()).as(chains + " chains, legacy: " + legacy.output()).isZero();
                }
            } finally {
                Files.delete(file);
            }
        }
        assertThat(refused).isEqualTo(2);
    }

    private static String ours(String text, Backend backend) {
        try {
            IptablesSaveParser.parse(text, backend);
            return null;
        } catch (RulesSyntaxException e) {
            return e.getMessage();
        }
    }

    private static Map<String, String> cases() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("FORWARD, 15 chains", ChainsOfJumps.iptables("filter", "FORWARD", 15, "-j", false));
        cases.put("FORWARD, 16 chains", ChainsOfJumps.iptables("filter", "FORWARD", 16, "-j", false));
        cases.put("FORWARD, 31 chains", ChainsOfJumps.iptables("filter", "FORWARD", 31, "-j", false));
        cases.put("OUTPUT, 16 chains", ChainsOfJumps.iptables("filter", "OUTPUT", 16, "-j", false));
        cases.put("nat PREROUTING, 16 chains", ChainsOfJumps.iptables("nat", "PREROUTING", 16, "-j", false));
        cases.put("gotos, 16 chains", ChainsOfJumps.iptables("filter", "FORWARD", 16, "-g", false));
        cases.put("no base chain, 40 chains", ChainsOfJumps.iptables("filter", null, 40, "-j", false));
        cases.put("base chain's jump last, 17 chains", ChainsOfJumps.iptables("filter", "FORWARD", 17, "-j", true));
        String sixteen = ChainsOfJumps.iptables("filter", "FORWARD", 16, "-j", false);
        cases.put("insert", sixteen.replace("-A F14 -j F15\n", "-A F14 -j ACCEPT\n-I F14 -j F15\n"));
        cases.put("cut before COMMIT", sixteen.replace("COMMIT\n", "-D FORWARD -j F0\nCOMMIT\n"));
        cases.put("cut, then too deep again", sixteen.replace("COMMIT\n", "-D FORWARD -j F0\n-A OUTPUT -j F0\nCOMMIT\n"));
        cases.put("flushed before COMMIT", sixteen.replace("COMMIT\n", "-F F3\nCOMMIT\n"));
        cases.put("loop from a base chain",
                "*filter\n:A - [0:0]\n:B - [0:0]\n-A FORWARD -j A\n-A A -j B\n-A B -j A\n-A INPUT -j ACCEPT\nCOMMIT\n");
        cases.put("loop no base chain reaches", "*filter\n:A - [0:0]\n:B - [0:0]\n-A A -j B\n-A B -j A\nCOMMIT\n");
        cases.put("two walks, the longer completed last", ChainsOfJumps.twoWalks());
        return cases;
    }
}
