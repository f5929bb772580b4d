package io.netfilterflow.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs a shell script inside a fresh, empty network namespace of its own, as root. */
public final class HostTools {

    private HostTools() {
    }

    /** Skips the test, saying why, unless this machine can run the given tools in a namespace. */
    public static void requireNamespaceWith(String... tools) {
        Result probe = run("true");
        Assumptions.assumeTrue(probe.exitCode() == 0,
                () -> "skipped: cannot create a network namespace here (needs root and unshare): " + probe.output());
        for (String tool : tools) {
            Result found = run("command -v " + tool);
            Assumptions.assumeTrue(found.exitCode() == 0, () -> "skipped: " + tool + " is not installed");
        }
    }

    /** Output and exit code of {@code unshare -n sh -c SCRIPT}; the namespace dies with the process. */
    public static Result run(String script) {
        try {
            Process process = new ProcessBuilder("unshare", "--net", "sh", "-c", script).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** What a script printed, standard error included. */
    public record Result(int exitCode, String output) {
    }
}
