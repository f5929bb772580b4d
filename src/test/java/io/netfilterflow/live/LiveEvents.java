package io.netfilterflow.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A live session's event stream read as a page reads it, one whole event at a time, on a thread of its own. */
final class LiveEvents implements AutoCloseable {

    record Event(String name, String id, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final java.util.Map<String, BlockingQueue<Event>> sorted = new java.util.HashMap<>();
    private final Thread reader;
    private final java.io.InputStream body;
    private final BufferedReader lines;
    final int status;
    private final String url;

    LiveEvents(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        this.url = url;
        body = response.body();
        lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        reader = new Thread(this::read, "live-events");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        String name = "message";
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, id, data.toString()));
                    }
                    name = "message";
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3);
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            events.add(new Event("closed", null, ""));
        } catch (IOException e) {
            events.add(new Event("closed", null, e.toString()));
        }
    }

    /**
     * The next event named {@code name}; events of other names stay for their own {@code next} (the server orders
     * one kind's events, not different kinds against each other). Fails after a few seconds.
     */
    Event next(String name) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        BlockingQueue<Event> mine = byName(name);
        for (;;) {
            Event event = mine.poll();
            if (event != null) {
                return event;
            }
            Event arrived = events.poll(Math.min(50_000_000L, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (arrived != null) {
                byName(arrived.name()).add(arrived);
            } else if (System.nanoTime() > until) {
                throw new AssertionError("no '" + name + "' event within 10 s at " + url);
            }
        }
    }

    private BlockingQueue<Event> byName(String name) {
        return sorted.computeIfAbsent(name, key -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() {
        try {
            body.close(); // not the reader: its lock is held by the thread reading
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
