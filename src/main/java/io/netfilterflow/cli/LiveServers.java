package io.netfilterflow.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Servers of one deployment, each a process of this same program (the jar, or the classes a test runs from) on
 * the loopback, all on one PostgreSQL schema: started, killed with SIGKILL as a crash kills them, started again.
 * Their output goes to a log file each, beside the run.
 */
final class LiveServers implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final List<String> settings;
    private final Path logs;
    private final int[] ports;
    private final Process[] processes;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** {@code count} servers to be, with these Spring settings ({@code --key=value}) besides their port. */
    LiveServers(int count, List<String> settings, Path logs) throws IOException {
        this.settings = settings;
        this.logs = Files.createDirectories(logs);
        this.ports = new int[count];
        this.processes = new Process[count];
        for (int i = 0; i < count; i++) {
            ports[i] = freePort();
        }
    }

    URI url(int server) {
        return URI.create("http://127.0.0.1:" + ports[server]);
    }

    /** Starts server {@code i} and waits until it answers its health check. */
    void start(int i) throws IOException, InterruptedException {
        List<String> command = ThisProgram.command("-Xmx768m", "-XX:+UseSerialGC");
        command.add("--server.port=" + ports[i]);
        command.addAll(settings);
        processes[i] = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("server-" + (char) ('A' + i) + ".log").toFile()).start();
        long until = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < until) {
            if (!processes[i].isAlive()) {
                throw new IOException("server " + (char) ('A' + i) + " exited with " + processes[i].exitValue()
                        + "; its log: " + logs.resolve("server-" + (char) ('A' + i) + ".log"));
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(url(i).resolve("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("server " + (char) ('A' + i) + " did not answer within " + START_LIMIT);
    }

    /** SIGKILL: no shutdown hook runs, no connection is closed politely, as when a machine dies. */
    void kill(int i) throws InterruptedException {
        processes[i].destroyForcibly();
        processes[i].waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
