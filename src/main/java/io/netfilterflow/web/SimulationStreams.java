package io.netfilterflow.web;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.ProblemText;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.simulation.SimulationBudget;
import io.netfilterflow.trace.TraceMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts hop streams and keeps the open ones: the simulation runs on a thread of the stream simulations'
 * pool, the socket is written without blocking ({@link SseWriter}); a sweep gives each open stream its heartbeat and
 * drops those whose client has taken nothing for the write timeout. A stream leaves this set when it ends,
 * however it ends, and then nothing here refers to it.
 */
@Component
class SimulationStreams {

    private static final Logger log = LoggerFactory.getLogger(SimulationStreams.class);

    private final ThreadPoolTaskExecutor simulations;
    private final ThreadPoolTaskExecutor writers;
    private final WebProperties timings;
    private final StreamProperties limits;
    private final StreamBuffers buffers;
    private final JsonMapper json;
    private final Set<SseWriter> open = ConcurrentHashMap.newKeySet();
    private final LongAdder produced = new LongAdder();
    private final AtomicInteger producing = new AtomicInteger();

    SimulationStreams(ThreadPoolTaskExecutor streamSimulations, ThreadPoolTaskExecutor streamWriters,
                      ThreadPoolTaskScheduler streamSweeper, WebProperties timings, StreamProperties limits,
                      JsonMapper json) {
        this.simulations = streamSimulations;
        this.writers = streamWriters;
        this.timings = timings;
        this.limits = limits;
        this.buffers = new StreamBuffers(limits);
        this.json = json;
        streamSweeper.scheduleAtFixedRate(this::sweep, sweepPeriod());
    }

    /** Streams the run to the client, its sentences and any refusal in {@code locale}'s language. */
    void start(Scenario scenario, SimulationBudget budget, Locale locale, HttpServletRequest request,
               HttpServletResponse response) throws IOException {
        ProblemText problems = ProblemText.of(locale);
        SseWriter writer = SseWriter.open(request, response, timings, limits.writeTimeout(), buffers, writers,
                open::remove, drop -> goodbye(drop, problems));
        open.add(writer);
        HopStream stream = new HopStream(writer, json, budget, TraceMessages.of(locale), problems);
        producing.incrementAndGet();
        try {
            simulations.execute(() -> {
                try {
                    stream.run(scenario);
                } finally {
                    produced.add(stream.produced());
                    producing.decrementAndGet();
                }
            });
        } catch (RuntimeException notStarted) { // all simulation threads busy and their queue full, or stopping
            log.debug("stream not started: {}", notStarted.toString());
            producing.decrementAndGet();
            writer.abort();
        }
    }

    /** The {@code error} event a dropped stream's client gets if it reads again. */
    private byte[] goodbye(SseWriter.Drop drop, ProblemText words) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(drop.status()),
                words.render(Problem.of("api.stream-dropped", drop.why())));
        problem.setTitle(words.render(Problem.of("api.title.stream-dropped")));
        return ("event:error\ndata:" + json.writeValueAsString(problem) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Streams open now. */
    int openStreams() {
        return open.size();
    }

    /** Streams whose simulation is still running. */
    int producingStreams() {
        return producing.get();
    }

    /** Steps produced for all streams that have finished producing. */
    long stepsProduced() {
        return produced.sum();
    }

    /** Bytes all open streams hold for their sockets. */
    long bufferedBytes() {
        return buffers.used();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (SseWriter writer : open) {
            try {
                writer.tick(now);
            } catch (RuntimeException e) {
                log.debug("stream sweep: {}", e.toString());
            }
        }
    }

    /** Often enough to honour both the heartbeat and the write timeout within a quarter of the shorter. */
    private Duration sweepPeriod() {
        long shorter = Math.min(timings.heartbeat().toMillis(), limits.writeTimeout().toMillis());
        return Duration.ofMillis(Math.max(50, Math.min(1000, shorter / 4)));
    }
}
