package io.netfilterflow.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pasted kernel traces: which tool wrote them is told by their lines; other lines are skipped and counted; a
 * recorded {@code nft monitor trace} of a preset reads as the kernel.trace that {@code verify} recorded of it.
 */
class KernelTraceTextTest {

    private static final Path MONITOR = Path.of("src/test/resources/compare/docker-wan-published.nft-monitor");
    private static final Path FIXTURE = Path.of("src/test/resources/scenarios/kernel-truth/wan2c-published");
    private static final IptablesRuleset RULES = IptablesSaveParser.parse("""
            *filter
            :INPUT ACCEPT [0:0]
            :FORWARD DROP [0:0]
            :OUTPUT ACCEPT [0:0]
            -A FORWARD -i eth0 -j ACCEPT
            COMMIT
            """);
    private static final String LEGACY_PACKET = "IN=eth0 OUT=docker0 MAC=4e:6d SRC=10.99.0.100 DST=172.17.0.3 LEN=60"
            + " TOS=0x00 PROTO=TCP SPT=55586 DPT=80 WINDOW=64240 RES=0x00 SYN URGP=0 ";

    @Test
    void monitorOutputIsReadAsNftAndEqualsTheRecordedConformanceLines() {
        KernelTraceText.Read read = KernelTraceText.read(Fixtures.read(MONITOR), RULES, 1000);

        assertThat(read.format()).isEqualTo(KernelTraceText.Format.NFT_MONITOR);
        assertThat(Comparison.comparable(read.lines()))
                .isEqualTo(Comparison.comparable(Fixtures.read(FIXTURE.resolve("kernel.trace")).lines().toList()));
        assertThat(read.skipped()).isZero();
        assertThat(read.sourceLines()).hasSameSizeAs(read.lines()).isSorted();
    }

    @Test
    void kernelLogLinesAreReadAsLegacyWithTheirRulesAndTheRestIsSkippedAndCounted() {
        String dmesg = String.join("\n",
                "[ 1042.117] eth0: renamed from veth4c1",
                "[ 1043.001] TRACE: filter:FORWARD:rule:1 " + LEGACY_PACKET,
                "",
                "Dec 06 16:25:18 host kernel: TRACE: filter:FORWARD:rule:9 " + LEGACY_PACKET,
                "[ 1043.002] docker0: port 1(veth) entered forwarding state");

        KernelTraceText.Read read = KernelTraceText.read(dmesg, RULES, 1000);

        assertThat(read.format()).isEqualTo(KernelTraceText.Format.KERNEL_LOG);
        assertThat(read.lines()).containsExactly(
                "ip filter FORWARD accept | iif=\"eth0\" oif=\"docker0\" 10.99.0.100>172.17.0.3 sport=55586 dport=80"
                        + " | -A FORWARD -i eth0 -j ACCEPT",
                "ip filter FORWARD rule 9 | iif=\"eth0\" oif=\"docker0\" 10.99.0.100>172.17.0.3 sport=55586 dport=80");
        assertThat(read.sourceLines()).containsExactly(2, 4);
        assertThat(read.skipped()).as("blank lines are not counted").isEqualTo(2);
        assertThat(read.skippedLines()).containsExactly(1, 5);
    }

    @Test
    void aTextWithNoTraceLineOrWithBothKindsIsRefusedAtItsLine() {
        assertThatThrownBy(() -> KernelTraceText.read("$ sudo nft monitor trace\n^C\n", RULES, 1000))
                .isInstanceOfSatisfying(KernelTraceText.Refused.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("api.trace.no-trace-lines");
                    assertThat(e.line()).isZero();
                });
        String mixed = Fixtures.read(MONITOR).lines().limit(3).reduce("", (a, b) -> a + b + "\n")
                + "[ 1.0] TRACE: filter:FORWARD:policy:2 " + LEGACY_PACKET + "\n";
        assertThatThrownBy(() -> KernelTraceText.read(mixed, RULES, 1000))
                .isInstanceOfSatisfying(KernelTraceText.Refused.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("api.trace.mixed");
                    assertThat(e.line()).isEqualTo(4);
                });
    }

    @Test
    void moreLinesThanTheBudgetAreRefusedAsTooLarge() {
        String text = Fixtures.read(MONITOR);
        int lines = (int) text.lines().count();
        assertThat(KernelTraceText.read(text, RULES, lines).lines()).isNotEmpty();
        assertThatThrownBy(() -> KernelTraceText.read(text, RULES, lines - 1))
                .isInstanceOfSatisfying(KernelTraceText.Refused.class, e -> {
                    assertThat(e.tooLarge()).isTrue();
                    assertThat(e.line()).isEqualTo(lines);
                });
    }

    @Test
    void theTableThatOnlyTurnsTracingOnIsLeftOutAndOneChangedVerdictIsTheFirstDivergence() {
        Scenario scenario = ScenarioReader.read(Fixtures.read(FIXTURE.resolve("scenario.json")));
        // a user's own tracing table, as the nft wiki suggests, instead of the replay's
        String text = Fixtures.read(MONITOR).replace("nfflow_trace", "trace_debug");
        List<String> monitor = text.lines().toList();
        int decided = monitor.indexOf(monitor.stream().filter(line -> line.contains("ip filter DOCKER rule"))
                .findFirst().orElseThrow());
        String changed = String.join("\n", monitor.subList(0, decided)) + "\n"
                + monitor.get(decided).replace("(verdict accept)", "(verdict drop)") + "\n"
                + String.join("\n", monitor.subList(decided + 1, monitor.size()));

        Comparison same = Comparison.of(Simulator.run(scenario), KernelTraceText.read(text, RULES, 1000), 1_000_000);
        Comparison differs = Comparison.of(Simulator.run(scenario), KernelTraceText.read(changed, RULES, 1000),
                1_000_000);

        assertThat(same.leftOut()).containsExactlyInAnyOrder("ip trace_debug", "bridge trace_debug");
        assertThat(same.identical()).isTrue();
        assertThat(same.firstDivergence()).isEqualTo(-1);
        assertThat(differs.identical()).isFalse();
        SideBySide.Pair first = differs.rows().get(differs.firstDivergence());
        assertThat(first.mark()).isEqualTo('|');
        assertThat(differs.kernel().get(first.right())).startsWith("ip filter DOCKER drop |");
        assertThat(differs.kernelSources().get(first.right())).isEqualTo(decided + 1);
        assertThat(differs.stepNear(first.right()).node()).isEqualTo("ip:filter:FORWARD");
        assertThat(differs.rows().stream().filter(row -> !row.same())).hasSize(1);
    }
}
