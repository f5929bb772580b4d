package io.netfilterflow.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The server's start as a user waits for it: from launching the process to {@code /actuator/health} saying UP. */
final class ServerStart {

    private static final long LIMIT_NANOS = 120_000_000_000L;

    private ServerStart() {
    }

    /** The median over {@code rounds} starts, in seconds; each server is stopped before the next starts. */
    static double median(List<String> command, Path dir, int rounds) throws IOException, InterruptedException {
        double[] seconds = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            seconds[i] = once(command, dir);
        }
        Arrays.sort(seconds);
        return seconds[rounds / 2];
    }

    private static double once(List<String> command, Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> started = new ArrayList<>(command);
        started.addAll(List.of("--server.port=" + port, "--netfilter-flow.data-dir=" + dir.resolve("server-data")));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        Process server = new ProcessBuilder(started).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (System.nanoTime() - start < LIMIT_NANOS && server.isAlive()) {
                try {
                    HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            throw new IOException("the server did not say UP within 120 s: " + String.join(" ", command));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }
}
