package io.netfilterflow.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One student's event stream, as a page keeps it: read on a thread of its own, each state's number and arrival
 * time noted; when the connection breaks it connects again after a moment, to the next server of its list (what a
 * load balancer does when a server dies), and starts from the presenter's state of then.
 */
final class LiveStudent {

    private final HttpClient client;
    private final List<URI> servers;
    private final String code;
    private final Thread thread;
    /** State number → when it arrived ({@link System#nanoTime()}). */
    final ConcurrentHashMap<Long, Long> received = new ConcurrentHashMap<>();
    /** Whether the numbers arrived in increasing order, each once. */
    private volatile boolean ordered = true;
    private volatile long last;
    private final AtomicInteger reconnects = new AtomicInteger();
    private volatile int server;
    private volatile boolean stopped;
    private volatile InputStream body;

    LiveStudent(HttpClient client, List<URI> servers, int first, String code) {
        this.client = client;
        this.servers = servers;
        this.server = first;
        this.code = code;
        this.thread = new Thread(this::follow, "student");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void follow() {
        while (!stopped) {
            try {
                HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                        servers.get(server).resolve("/api/live/" + code + "/events")).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                if (response.statusCode() == 200) {
                    read(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
                }
            } catch (IOException | InterruptedException gone) {
                // the server died or closed the stream: on to the next one
            }
            if (!stopped) {
                reconnects.incrementAndGet();
                server = (server + 1) % servers.size();
                pause();
            }
        }
    }

    private void read(BufferedReader lines) throws IOException {
        String event = "";
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("event:")) {
                event = line.substring(6);
            } else if (line.startsWith("id:") && event.equals("state")) {
                long seq = Long.parseLong(line.substring(3));
                long now = System.nanoTime();
                if (seq < last) { // the same state again after a reconnect is no disorder
                    ordered = false;
                }
                last = seq;
                received.putIfAbsent(seq, now);
            } else if (line.isEmpty()) {
                event = "";
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean ordered() {
        return ordered;
    }

    int reconnects() {
        return reconnects.get();
    }

    int server() {
        return server;
    }

    void stop() {
        stopped = true;
        try {
            InputStream open = body;
            if (open != null) {
                open.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }
}
