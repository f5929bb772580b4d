package io.netfilterflow.web;

import io.netfilterflow.scenario.Scenario;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts hop streams: the simulation runs on the request's thread, the writing on the stream writers,
 * with a heartbeat comment while the stream is open; completion, timeout or a client error stops both.
 */
@Component
class SimulationStreams {

    private final ThreadPoolTaskExecutor writers;
    private final ThreadPoolTaskScheduler heartbeats;
    private final WebProperties properties;
    private final JsonMapper json;

    SimulationStreams(ThreadPoolTaskExecutor streamWriters, ThreadPoolTaskScheduler heartbeatScheduler,
                      WebProperties properties, JsonMapper json) {
        this.writers = streamWriters;
        this.heartbeats = heartbeatScheduler;
        this.properties = properties;
        this.json = json;
    }

    SseEmitter start(Scenario scenario) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        HopStream stream = new HopStream(emitter, json, writers);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(stream::heartbeat,
                Instant.now().plus(properties.heartbeat()), properties.heartbeat());
        Runnable stop = () -> {
            stream.close();
            heartbeat.cancel(false);
        };
        emitter.onCompletion(stop);
        emitter.onError(error -> stop.run());
        emitter.onTimeout(() -> {
            stop.run();
            emitter.complete();
        });
        stream.run(scenario);
        return emitter;
    }
}
