package io.netfilterflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.ipv4.save.IptablesSavePrinter;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.support.HostTools;
import io.netfilterflow.support.RulesText;
import io.netfilterflow.support.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checks the printers against the real tools, in a namespace of the test's own: the expected
 * lines of the extension tables are what iptables/ebtables print today, and every corpus dump
 * the kernel accepts comes back from iptables-save as this project prints it.
 */
@Tag("kernel")
class SaveFormatConformanceTest {

    private static final String CASE_END = "--case-end--";

    @Test
    void iptablesPrintsEachRuleAsTheExtensionTableSays() throws IOException {
        HostTools.requireNamespaceWith("iptables");
        List<String[]> cases = cases("/rules/iptables-extensions.psv");
        StringBuilder script = new StringBuilder();
        for (String[] c : cases) {
            String chain = c[1].split(" ")[1];
            script.append("iptables -t ").append(c[0]).append(" -F; iptables -t ").append(c[0]).append(' ')
                    .append(c[1]).append(" 2>/dev/null; iptables -t ").append(c[0]).append(" -S ").append(chain)
                    .append(" | grep -- '^-A'; echo ").append(CASE_END).append('\n');
        }
        assertRealOutputs(cases, HostTools.run(script.toString()).output());
    }

    @Test
    void ebtablesPrintsEachRuleAsTheExtensionTableSays() throws IOException {
        HostTools.requireNamespaceWith("ebtables", "ebtables-save");
        List<String[]> cases = cases("/rules/ebtables-extensions.psv");
        StringBuilder script = new StringBuilder();
        for (String[] c : cases) {
            String chain = c[1].split(" ")[1];
            script.append("ebtables -t ").append(c[0]).append(" -F; ebtables -t ").append(c[0]).append(" -X; ")
                    .append("ebtables -t ").append(c[0]).append(" -N foo; ebtables -t ").append(c[0])
                    .append(" -N foo2 -P RETURN; ebtables -t ").append(c[0]).append(' ').append(c[1])
                    .append(" 2>/dev/null; ebtables-save -t ").append(c[0]).append(" | grep -- '^-A ").append(chain)
                    .append(" '; echo ").append(CASE_END).append('\n');
        }
        assertRealOutputs(cases, HostTools.run(script.toString()).output());
    }

    @Test
    void iptablesSaveOfEveryAcceptedDumpIsWhatThisProjectPrints() {
        Path dir = SharedFiles.require("rulesets");
        HostTools.requireNamespaceWith("iptables-restore", "iptables-save");
        int compared = 0;
        for (Path file : SharedFiles.list(dir, ".rules")) {
            String name = file.getFileName().toString();
            if (name.contains("ip6") || name.startsWith("ebtables") || !loads(file)) {
                continue;
            }
            HostTools.Result real = HostTools.run("iptables-restore < '" + file.toAbsolutePath() + "' && iptables-save");
            if (real.exitCode() != 0) {
                continue; // e.g. ipsets the dump refers to do not exist in an empty namespace
            }
            String ours = IptablesSavePrinter.print(IptablesSaveParser.parse(SharedFiles.read(file)));
            assertThat(byTable(ours)).as(name).isEqualTo(byTable(RulesText.normalized(real.output())));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(15);
    }

    private static void assertRealOutputs(List<String[]> cases, String output) {
        String[] results = output.split(CASE_END + "\n", -1);
        for (int i = 0; i < cases.size(); i++) {
            assertThat(results[i].strip()).as(cases.get(i)[1]).isEqualTo(cases.get(i)[2]);
        }
    }

    private static boolean loads(Path file) {
        try {
            IptablesSaveParser.parse(SharedFiles.read(file));
            return true;
        } catch (RulesSyntaxException e) {
            return false;
        }
    }

    /** Tables in any order (the kernel lists them in its own), counters dropped (the restore does not keep them). */
    private static TreeMap<String, String> byTable(String save) {
        TreeMap<String, String> tables = new TreeMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : save.split("\n")) {
            if (line.startsWith("*")) {
                current = line;
                body.setLength(0);
            } else if (line.equals("COMMIT")) {
                tables.put(current, body.toString());
            } else {
                body.append(line.replaceAll("^\\[\\d+:\\d+\\] ", "").replaceAll(" \\[\\d+:\\d+\\]$", "")).append('\n');
            }
        }
        return tables;
    }

    private static List<String[]> cases(String resource) throws IOException {
        List<String[]> cases = new ArrayList<>();
        try (InputStream in = SaveFormatConformanceTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    cases.add(line.split("\\|", 3));
                }
            }
        }
        return cases;
    }
}
