package io.netfilterflow.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the system's tools ({@code ip}, {@code nft}, {@code iptables-restore}) and says what failed and why. */
final class Shell {

    private static final long TIMEOUT_SECONDS = 30;

    record Result(int exit, String out, String err) {
    }

    private Shell() {
    }

    /** Runs {@code command} with {@code input} on its standard input; a failure to start is exit 127. */
    static Result run(List<String> command, byte[] input) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return new Result(127, "", command.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input);
            }
        } catch (IOException e) {
            // the tool exited before reading; its exit status and stderr say why
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(124, out.getNow(""), "timed out after " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(130, "", "interrupted");
        }
    }

    /** Runs {@code command}; a non-zero exit is a {@link LabException} naming the command and its error. */
    static String check(List<String> command, byte[] input) {
        Result result = run(command, input);
        if (result.exit() != 0) {
            throw new LabException(String.join(" ", command) + " failed (exit " + result.exit() + "): "
                    + result.err().strip());
        }
        return result.out();
    }

    static String check(String... command) {
        return check(List.of(command), null);
    }

    static boolean exists(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, tool))) {
                return true;
            }
        }
        return java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/sbin", tool));
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
