package io.netfilterflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.NetfilterFlowApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify}'s exit codes and messages when there is nothing to replay or no way to replay it. */
class VerifyCommandTest {

    private static final String FIXTURE = "src/test/resources/scenarios/verified/nft-wan-pings-host/scenario.json";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] argv = new String[args.length + 1];
        argv[0] = "verify";
        System.arraycopy(args, 0, argv, 1, args.length);
        int code = Cli.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutAFileItShowsUsage() {
        Run run = verify();
        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("verify: which scenario file?").contains("verify SCENARIO.json");
    }

    @Test
    void anInvalidScenarioIsRefusedWithItsLineBeforeAnythingIsBuilt() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, Files.readString(Path.of(FIXTURE)).replace("\"reply\": true", "\"reply\": 1"));
        Run run = verify(file.toString());
        assertThat(run.code()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(run.err()).startsWith(file + ":").contains("reply");
    }

    @Test
    void aMissingFileIsInvalidInput() {
        Run run = verify(dir.resolve("nope.json").toString());
        assertThat(run.code()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(run.err()).contains("cannot read");
    }

    /** The test's class path, with the jars copied where an unprivileged user may read them. */
    private static String readableClassPath() throws Exception {
        Path jars = Files.createTempDirectory("verify-classpath");
        jars.toFile().deleteOnExit();
        Files.setPosixFilePermissions(jars, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        StringBuilder path = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path source = Path.of(entry);
            Path readable = source;
            if (Files.isRegularFile(source)) {
                readable = jars.resolve(path.length() + "-" + source.getFileName());
                Files.copy(source, readable);
                Files.setPosixFilePermissions(readable, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                readable.toFile().deleteOnExit();
            }
            path.append(path.length() == 0 ? "" : java.io.File.pathSeparator).append(readable.toAbsolutePath());
        }
        return path.toString();
    }

    @Test
    void withoutRootItSaysItCannotVerifyAndExitsThree() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv is not installed");
        Assumptions.assumeTrue(Files.readString(Path.of("/proc/self/status")).contains("Uid:\t0\t"), "not root");
        Process child = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", readableClassPath(),
                NetfilterFlowApplication.class.getName(), "verify", Path.of(FIXTURE).toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(VerifyCommand.CANNOT_VERIFY);
        assertThat(output).contains("cannot verify").contains("needs root");
    }

    /** Where it could replay, verify simulates first: over the budget it exits 2 before building anything. */
    @Test
    void aScenarioOverTheSimulationBudgetExitsTwoBeforeAnythingIsBuilt() throws Exception {
        String flood = TraceCommandTest.logFlood();
        org.junit.jupiter.api.Assumptions.assumeTrue(io.netfilterflow.verify.Verifier.problems(flood).isEmpty(),
                "this machine cannot replay scenarios (not root, or tools missing)");
        Path file = dir.resolve("flood.json");
        Files.writeString(file, flood);
        Run run = verify(file.toString());
        assertThat(run.code()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(run.err()).startsWith(file + ": the simulation needs more than its budget of 50000 steps (max-steps)");
    }
}
