package io.netfilterflow.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.NetfilterFlowApplication;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * Replays every preset and every recorded fixture on this machine's kernel ({@code verify}) and
 * expects the kernel and the simulator to agree. Needs root and the tools .ci/run installs; where
 * they are missing the tests are skipped with the reason.
 */
@Tag("kernel")
class KernelVerificationTest {

    private static final Path WAN_PINGS_HOST = Path.of("src/test/resources/scenarios/verified/nft-wan-pings-host/scenario.json");
    private static final Path UDP_ROUTER = Path.of("src/main/resources/scenarios/udp-dnat-router.json");

    static List<Path> scenarios() {
        return Fixtures.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theKernelAndTheSimulatorAgree(Path file) {
        String json = Fixtures.read(file);
        requireMachineFor(json);
        Verification result;
        try {
            result = Verifier.verify(json, Verifier.SIMULATOR);
        } catch (CannotVerifyException e) {
            // found only once the lab is built (this kernel has no ebtables broute table, say)
            System.out.println("skipped kernel verification of " + file + ": " + e.getMessage());
            throw new TestAbortedException("cannot verify on this machine: " + e.getMessage());
        }
        assertThat(result.identical()).as("%s: the kernel and the simulator differ:%n%s", file, result.diff())
                .isTrue();
        assertThat(result.kernel()).isNotEmpty();
    }

    @Test
    void aSimulatorWithTheSecurityAndNatPrioritiesSwappedFailsWithAReadableDiff() {
        String json = Fixtures.read(WAN_PINGS_HOST);
        requireMachineFor(json);
        // legacy's priorities: security INPUT at 50, before nat INPUT at 100; the kernel runs nft's (150)
        var swapped = ScenarioReader.read(json.replace("\"backend\": \"nft\"", "\"backend\": \"legacy\""));
        Verification result = Verifier.verify(json, (scenario, wire) -> Simulator.run(swapped, step -> { }, wire));
        assertThat(result.identical()).isFalse();
        String diff = result.diff();
        System.out.println(diff);
        assertThat(diff.lines().filter(row -> row.contains(" < ") || row.contains(" > ")))
                .isNotEmpty()
                .allMatch(row -> row.matches(".*ip (security|nat) INPUT policy accept.*"));
        assertThat(diff).contains(" = ip filter INPUT policy accept");
    }

    @Test
    void aScenarioThisKernelCannotBuildIsReportedAndLeavesNothing() {
        String json = Fixtures.read(WAN_PINGS_HOST);
        requireMachineFor(json);
        // ebtables rules with the legacy backend: this kernel has no ebtables legacy tables
        String legacy = json.replace("\"backend\": \"nft\"", "\"backend\": \"legacy\"");
        Assumptions.assumeTrue(Verifier.problems(legacy).isEmpty(), "ebtables-legacy-restore is not installed");
        try {
            Verification result = Verifier.verify(legacy, Verifier.SIMULATOR);
            // a kernel with ebtables legacy builds it: then it must agree like any scenario
            assertThat(result.identical()).as(result.diff()).isTrue();
        } catch (CannotVerifyException e) {
            assertThat(e.getMessage()).contains("ebtables-legacy-restore");
        }
    }

    /** The replay's UDP answers come from the lab's listener: it must answer every datagram, the first one too. */
    @Test
    void theLabsUdpListenerAnswersEveryDatagram() {
        String json = Fixtures.read(UDP_ROUTER).replace("-A INPUT -p udp -m udp --dport 5001 -j LOG --log-level 1\\n", "");
        requireMachineFor(json);
        var scenario = ScenarioReader.read(json);
        ExecutorService clients = Executors.newFixedThreadPool(24);
        // each client waits up to 10 s for its answer: on a busy machine 24 forks of cat can take seconds
        try (Lab lab = Lab.build(scenario.host(), ScenarioText.of(json))) {
            List<CompletableFuture<Shell.Result>> answers = IntStream.range(0, 24)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> Shell.run(List.of("ip", "netns", "exec",
                            lab.hostNamespace(), "socat", "-t", "10", "-", "UDP4:127.0.0.1:5001"),
                            ("datagram " + i + "\n").getBytes(StandardCharsets.UTF_8)), clients))
                    .toList();
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).join().out()).as("the answer to datagram %d", i)
                        .isEqualTo("datagram " + i + "\n");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void ctrlCDuringAReplayLeavesNoNamespaceBehind() throws Exception {
        String json = Fixtures.read(WAN_PINGS_HOST);
        requireMachineFor(json);
        Path file = Path.of("src/test/resources/scenarios/verified/legacy-goto-and-return/scenario.json");
        Path output = Files.createTempFile("nff-ctrl-c", ".log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NetfilterFlowApplication.class.getName(), "verify",
                file.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        String prefix = Names.PREFIX + child.pid() + "-";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // the lab's namespaces, not Preflight's short-lived "-probe" one, which a fast poll can catch
        while (lab(prefix).isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(lab(prefix)).as("the replay built its namespaces; it %s and said: %s",
                child.isAlive() ? "is running" : "ended with " + child.exitValue(), Files.readString(output))
                .isNotEmpty();
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ours(prefix)).as("namespaces left after Ctrl-C").isEmpty();
    }

    private static List<String> lab(String prefix) {
        return ours(prefix).stream().filter(name -> !name.endsWith("-probe")).toList();
    }

    @AfterEach
    void nothingOfOursIsLeft() {
        if (isRoot()) {
            assertThat(ours(Names.PREFIX + ProcessHandle.current().pid() + "-")).isEmpty();
        }
    }

    private static List<String> ours(String prefix) {
        return Shell.run(List.of("ip", "netns", "list"), null).out().lines()
                .map(line -> line.split("\\s+")[0]).filter(ns -> ns.startsWith(prefix)).toList();
    }

    private static boolean isRoot() {
        return Verifier.problems(Fixtures.read(WAN_PINGS_HOST)).isEmpty();
    }

    private static void requireMachineFor(String json) {
        List<String> problems = Verifier.problems(json);
        if (!problems.isEmpty()) {
            System.out.println("skipped kernel verification: " + String.join("; ", problems));
        }
        Assumptions.assumeTrue(problems.isEmpty(), () -> "cannot verify on this machine: " + String.join("; ", problems));
    }
}
