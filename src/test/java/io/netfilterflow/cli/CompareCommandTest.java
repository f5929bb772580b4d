package io.netfilterflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare SCENARIO TRACEFILE}: 0 identical, 1 different with the first difference in full, 2 bad input. */
class CompareCommandTest {

    private static final String PRESET = "src/main/resources/scenarios/docker-wan-published.json";
    private static final Path MONITOR = Path.of("src/test/resources/compare/docker-wan-published.nft-monitor");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run compare(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theRecordedMonitorOutputOfThePresetIsIdentical() {
        Run run = compare("compare", PRESET, MONITOR.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("identical: 31 lines, the kernel (nft monitor trace) and the simulator agree\n");
    }

    @Test
    void oneChangedVerdictIsTheFirstDifferenceWithBothLinesAndItsLineInTheFile() throws Exception {
        String text = Files.readString(MONITOR);
        String line = text.lines().filter(l -> l.contains(" ip filter DOCKER rule ")).findFirst().orElseThrow();
        int number = text.lines().toList().indexOf(line) + 1;
        Path changed = dir.resolve("monitor.txt");
        Files.writeString(changed, text.replace(line, line.replace("(verdict accept)", "(verdict drop)")));

        Run run = compare("compare", PRESET, changed.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("first difference, row 11:\n  simulator: ip filter DOCKER accept | ")
                .contains("\n  kernel:    ip filter DOCKER drop | ")
                .contains("(" + changed + ":" + number + ")")
                .contains("different: 31 simulated lines, 31 from the kernel (nft monitor trace), 30 in common");
    }

    @Test
    void aFileWithoutTraceLinesIsBadInputNamedByFile() throws Exception {
        Path none = dir.resolve("none.txt");
        Files.writeString(none, "$ sudo nft monitor trace\n");
        Run run = compare("compare", PRESET, none.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith(none + ": No trace line found");

        assertThat(compare("compare", PRESET, dir.resolve("missing.txt").toString()).code()).isEqualTo(2);
        assertThat(compare("compare", PRESET).code()).isEqualTo(Cli.USAGE);
    }
}
