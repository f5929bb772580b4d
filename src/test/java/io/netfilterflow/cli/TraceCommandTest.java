package io.netfilterflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.ScenarioBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace}: formats, exit codes and file:line messages, never a stack trace. */
class TraceCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run trace(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void conformanceOutputIsTheKernelsFormat() throws Exception {
        String file = write("s.json", ScenarioBuilder.resource("/scenarios/kernel-truth/c2c-ping/scenario.json"));
        Run run = trace("trace", file, "--format", "conformance");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("bridge nat PREROUTING policy accept | iif=\"veth_c1\" 172.17.0.2>172.17.0.3 "
                + "icmp=echo-request\n");
    }

    @Test
    void textOutputEndsEachPacketWithItsVerdict() throws Exception {
        String file = write("s.json", ScenarioBuilder.resource("/scenarios/kernel-truth/wan2c-published/scenario.json"));
        Run run = trace("trace", file);
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Phase 1:").contains("Verdict: DELIVERED — delivered to c2")
                .contains("iptables line 28: -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT");
    }

    @Test
    void langPrintsTheSentencesInTheReadersLanguageAndConformanceInTheKernels() throws Exception {
        String file = write("s.json", ScenarioBuilder.resource("/scenarios/kernel-truth/wan2c-published/scenario.json"));
        String english = trace("trace", file, "--lang", "en").out();
        Run korean = trace("trace", file, "--lang", "ko");
        assertThat(korean.code()).isZero();
        assertThat(korean.out()).containsPattern("[\\uAC00-\\uD7A3]").doesNotContain("routing decision")
                .contains("iptables", "-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT", "DELIVERED");
        String hans = trace("trace", file, "--lang=zh-Hans").out();
        String hant = trace("trace", file, "--lang", "zh-Hant").out();
        assertThat(hans).containsPattern("[\\u4E00-\\u9FFF]").isNotEqualTo(hant).isNotEqualTo(english);
        String json = trace("trace", file, "--format", "json", "--lang", "zh-Hant").out();
        assertThat(json).contains("\"language\" : \"zh-TW\"").contains("\"code\" : \"ROUTE_FORWARD\"");
        for (String lang : List.of("ko", "zh-Hans", "zh-Hant")) {
            assertThat(trace("trace", file, "--format", "conformance", "--lang", lang).out()).as(lang)
                    .isEqualTo(trace("trace", file, "--format", "conformance").out());
        }
    }

    @Test
    void anUnknownLanguageIsAUsageError() throws Exception {
        String file = write("s.json", ScenarioBuilder.resource("/scenarios/kernel-truth/wan2c-published/scenario.json"));
        Run run = trace("trace", file, "--lang", "klingon");
        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err()).contains("--lang is one of en, ko, zh-Hans, zh-Hant, not 'klingon'");
    }

    @Test
    void jsonOutputHasStepsFlowsAndCounters() throws Exception {
        String file = write("s.json", ScenarioBuilder.resource("/scenarios/kernel-truth/c2wan-ping/scenario.json"));
        Run run = trace("trace", file, "--format=json");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"steps\"").contains("\"flows\"").contains("\"counters\"")
                .contains("\"verdict\" : \"policy accept\"");
    }

    @Test
    void badRulesGiveFileLineAndReason() throws Exception {
        String file = write("bad.json", ScenarioBuilder.docker().iptables("*filter\n:FORWARD ACCEPT [0:0]\n"
                + "-A FORWARD -j NOPE\nCOMMIT\n").json());
        Run run = trace("trace", file);
        assertThat(run.code()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(run.err()).startsWith(file + ":").contains("host.iptables line 3:").contains("NOPE")
                .doesNotContain("Exception");
    }

    @Test
    void anUnmodelledMatchOnThePathIsNamedWithItsLine() throws Exception {
        String file = write("q.json", ScenarioBuilder.docker().iptables("*filter\n:FORWARD ACCEPT [0:0]\n"
                + "-A FORWARD -m quota --quota 100 -j DROP\nCOMMIT\n").packets(
                "{\"from\":\"c1\",\"proto\":\"icmp\",\"dst\":\"10.99.0.100\"}").json());
        Run run = trace("trace", file);
        assertThat(run.code()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(run.err()).contains("host.iptables line 3").contains("'quota'");
    }

    @Test
    void notJsonIsSaidPlainly() throws Exception {
        Run run = trace("trace", write("x.json", "{ nope"));
        assertThat(run.code()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(run.err()).contains("x.json:1:").contains("not valid JSON");
    }

    @Test
    void wrongUsageExits64() {
        assertThat(trace("trace").code()).isEqualTo(Cli.USAGE);
        assertThat(trace("trace", "a.json", "--format", "xml").code()).isEqualTo(Cli.USAGE);
    }

    /** 19,993 {@code -j LOG} rules and 200 packets would be 4 million steps: the budget stops it, exit 2. */
    static String logFlood() {
        String ping = "{\"from\":\"c1\",\"proto\":\"icmp\",\"dst\":\"10.99.0.100\"}";
        String[] packets = new String[200];
        java.util.Arrays.fill(packets, ping);
        return ScenarioBuilder.docker().iptables("*filter\n" + "-A FORWARD -j LOG\n".repeat(19_993) + "COMMIT\n")
                .packets(packets).json();
    }

    @Test
    void aScenarioOverTheSimulationBudgetExitsTwoNamingTheBudget() throws Exception {
        String file = write("flood.json", logFlood());
        long start = System.nanoTime();
        Run run = trace("trace", file);
        assertThat(run.code()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(file + ": the simulation needs more than its budget of 50000 steps (max-steps);"
                + " it stopped at packet 3, in ip filter FORWARD (hook FORWARD), iptables line ");
        assertThat(run.err()).doesNotContain("Exception").hasLineCount(1);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
    }
}
