package io.netfilterflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.ScenarioBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
