package io.netfilterflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an outside tester gives the commands: devices, binaries, huge files, numbers past any width,
 * a mistyped command. Each is refused within 2 s with {@code file: reason} or {@code file:line: reason}
 * and its exit code, never a stack trace or an internal error.
 */
class HostileFilesTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void devZeroIsNotATextFileForAnyCommand() {
        for (String command : new String[] {"check", "print", "trace", "verify"}) {
            assertThat(run(command, "/dev/zero")).as(command).isEqualTo(Cli.INVALID_INPUT);
            assertThat(err()).as(command).isEqualTo("/dev/zero: cannot read: not a text file (a NUL byte at offset 0)\n");
        }
    }

    @Test
    void aNulByteIsFoundWhereverItIsAndUtf8TextIsReadWhole() throws IOException {
        String rules = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m comment --comment x -j ACCEPT\nCOMMIT\n";
        for (int at = 0; at < 24; at++) {
            byte[] bytes = rules.getBytes(StandardCharsets.US_ASCII);
            bytes[at] = 0;
            Path file = Files.write(dir.resolve("nul" + at + ".rules"), bytes);
            assertThat(run("check", file.toString())).as("NUL at %d", at).isEqualTo(Cli.INVALID_INPUT);
            assertThat(err()).isEqualTo(file + ": cannot read: not a text file (a NUL byte at offset " + at + ")\n");
        }
        Path utf8 = Files.writeString(dir.resolve("utf8.rules"), rules.replace("x -j", "\u00e9\u00e9\u00e9 -j"));
        assertThat(run("check", utf8.toString())).isEqualTo(Cli.OK);
        assertThat(run("print", utf8.toString())).isEqualTo(Cli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--comment \"\u00e9\u00e9\u00e9\" -j ACCEPT");
    }

    @Test
    void aFileTooLargeIsRefusedBeforeItIsReadWhole() throws IOException {
        Path huge = dir.resolve("huge.rules");
        Files.write(huge, "#".repeat(TextFiles.MAX_BYTES + 1).getBytes(StandardCharsets.US_ASCII));

        assertThat(run("check", huge.toString())).isEqualTo(Cli.INVALID_INPUT);
        assertThat(err()).isEqualTo(huge + ": cannot read: larger than 64 MiB, the most this command reads\n");
    }

    @Test
    void aDirectoryOrBadUtf8IsNamed() throws IOException {
        assertThat(run("trace", dir.toString())).isEqualTo(Cli.INVALID_INPUT);
        assertThat(err()).isEqualTo(dir + ": cannot read: is a directory\n");
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"title\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("trace", latin1.toString())).isEqualTo(Cli.INVALID_INPUT);
        assertThat(err()).isEqualTo(latin1 + ": cannot read: not UTF-8 text\n");
    }

    @Test
    void numbersBeyondLongExitTwoNamingTheFieldAndLine() throws IOException {
        Path scenario = dir.resolve("big.json");
        Files.writeString(scenario, """
                {"schema": "netfilter-flow/scenario@1",
                 "host": {"interfaces": [{"name": "lo"}],
                          "sysctl": {"net.ipv4.ip_forward": 99999999999999999999}},
                 "packets": [],
                 "seed": 123456789012345678901234567890}
                """);

        assertThat(run("trace", scenario.toString())).isEqualTo(Cli.INVALID_INPUT);
        assertThat(err()).startsWith(scenario + ":3: host.sysctl.net.ipv4.ip_forward: must be a whole number");
        Files.writeString(scenario, Files.readString(scenario).replace("99999999999999999999", "1"));
        assertThat(run("trace", scenario.toString())).isEqualTo(Cli.INVALID_INPUT);
        assertThat(err()).startsWith(scenario + ":5: seed: must be a whole number");
    }

    @Test
    void hugeNumbersInRulesExitTwoWithTheirLine() throws IOException {
        Path rules = write("n.rules", "*filter\n:INPUT ACCEPT [0:0]\n"
                + "-A INPUT -p tcp -m tcp --dport 99999999999999999999 -j ACCEPT\nCOMMIT\n");
        assertThat(run("check", rules.toString())).isEqualTo(Cli.INVALID_INPUT);
        assertThat(err()).startsWith(rules + ":3: ");
        rules = write("m.rules", "*mangle\n:PREROUTING ACCEPT [0:0]\n"
                + "-A PREROUTING -j MARK --set-xmark 0x1ffffffffffffffffff/0xffffffff\nCOMMIT\n");
        assertThat(run("check", rules.toString())).isEqualTo(Cli.INVALID_INPUT);
        assertThat(err()).startsWith(rules + ":3: ");
        rules = write("c.rules", "*filter\n:INPUT ACCEPT [99999999999999999999999:0]\nCOMMIT\n");
        assertThat(run("check", rules.toString())).isEqualTo(Cli.INVALID_INPUT);
        assertThat(err()).startsWith(rules + ":2: ");
    }

    @Test
    void aMistypedCommandExits64WithTheUsage() {
        assertThat(Cli.isCommand("bogus")).as("not taken for a server option").isTrue();
        assertThat(Cli.isCommand("--server.port=0")).isFalse();
        assertThat(run("bogus")).isEqualTo(Cli.USAGE);
        assertThat(err()).startsWith("netfilter-flow: unknown command 'bogus'\nusage: java -jar netfilter-flow.jar");
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("usage: ");
    }

    /** The real entry point, in a process of its own: a mistyped command must not start the server. */
    @Test
    void theJarsMainExits64ForAMistypedCommand() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.netfilterflow.NetfilterFlowApplication", "bogus")
                .redirectErrorStream(true).start();
        boolean ended = process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("the process ended (no server started): " + output).isTrue();
        assertThat(process.exitValue()).isEqualTo(Cli.USAGE);
        assertThat(output).startsWith("netfilter-flow: unknown command 'bogus'").contains("usage: ")
                .doesNotContain("Tomcat");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        long start = System.nanoTime();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(err()).doesNotContain("Exception").doesNotContain("internal error");
        return code;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
