package io.netfilterflow.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideTest {

    @Test
    void marksSameChangedAndMissingLines() {
        String diff = SideBySide.render(
                List.of("ip filter INPUT policy accept | a>b", "ip security INPUT policy accept | a>b",
                        "ip nat INPUT policy accept | a>b"),
                List.of("ip filter INPUT policy accept | a>b", "ip nat INPUT policy accept | a>b",
                        "ip security INPUT policy accept | a>b", "ip filter OUTPUT drop | b>a"));
        List<String> rows = diff.lines().toList();
        assertThat(rows.get(0)).startsWith("simulator").contains("kernel");
        assertThat(rows.get(2)).contains(" = ");
        // two lines in another order: one of them is shown missing on each side
        assertThat(rows).filteredOn(row -> row.contains(" = ")).hasSize(2);
        assertThat(rows).filteredOn(row -> row.matches(".*INPUT policy accept \\| a>b +<.*")).hasSize(1);
        assertThat(rows).filteredOn(row -> row.matches(" +> ip (nat|security) INPUT.*")).hasSize(1);
        assertThat(rows).anyMatch(row -> row.matches(" +> ip filter OUTPUT drop \\| b>a"));
        assertThat(diff).contains("differing rows, in full:\n").contains("> kernel:    ip filter OUTPUT drop | b>a");
    }

    @Test
    void pairsTheSameChainWithAnotherVerdict() {
        String diff = SideBySide.render(List.of("ip filter INPUT policy accept | a>b"),
                List.of("ip filter INPUT drop | a>b"));
        assertThat(diff).containsPattern("ip filter INPUT policy accept \\| a>b +\\| ip filter INPUT drop \\| a>b");
    }
}
