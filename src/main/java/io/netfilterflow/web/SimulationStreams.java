package io.netfilterflow.web;

import io.netfilterflow.scenario.Scenario;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts hop streams: each simulation runs on the {@link StreamPool}, with a heartbeat comment while its stream
 * is open; completion, timeout or a client error stops both.
 */
@Component
class SimulationStreams {

    private final StreamPool simulations;
    private final ThreadPoolTaskScheduler heartbeats;
    private final WebProperties properties;
    private final JsonMapper json;

    SimulationStreams(StreamPool streamPool, ThreadPoolTaskScheduler heartbeatScheduler,
                      WebProperties properties, JsonMapper json) {
        this.simulations = streamPool;
        this.heartbeats = heartbeatScheduler;
        this.properties = properties;
        this.json = json;
    }

    SseEmitter start(Scenario scenario) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        HopStream stream = new HopStream(emitter, json, simulations);
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
        try {
            simulations.start(() -> stream.run(scenario));
        } catch (RejectedExecutionException busy) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Too many simulations are waiting; try again in a moment.");
            problem.setTitle("Busy");
            stream.fail(problem);
        }
        return emitter;
    }
}
