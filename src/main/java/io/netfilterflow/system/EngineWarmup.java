package io.netfilterflow.system;

import io.netfilterflow.preset.PresetCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first reader after a start should not wait for the JIT: once the server is ready, a thread of its own sends
 * it a preset's simulation, the way a page does (filters, parser, engine, trace words, JSON, event stream), and
 * reads the stream to its end. It runs beside the server, never in anyone's request; a failure is only logged.
 */
@Component
class EngineWarmup {

    private static final Logger log = LoggerFactory.getLogger(EngineWarmup.class);
    private static final String PRESET = "docker-wan-published";

    private final PresetCatalog presets;
    private final boolean enabled;

    EngineWarmup(PresetCatalog presets, @Value("${netfilter-flow.warmup:true}") boolean enabled) {
        this.presets = presets;
        this.enabled = enabled;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!enabled || !(event.getApplicationContext() instanceof WebServerApplicationContext web)
                || web.getWebServer() == null || web.getWebServer().getPort() <= 0) {
            return;
        }
        int port = web.getWebServer().getPort();
        Thread thread = new Thread(() -> simulate(port), "engine-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void simulate(int port) {
        long start = System.nanoTime();
        try {
            String scenario = presets.text(PRESET).orElseThrow();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/simulations")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(scenario)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
            log.debug("engine warmed by a {} simulation in {} ms", PRESET, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            log.info("engine warm-up skipped: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
