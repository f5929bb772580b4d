package io.netfilterflow.web;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.simulation.SimulationException;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.Trace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client's stream: a {@code hop} event per step, then {@code done}, or an {@code error} event with a
 * ProblemDetail. The first hop is written the moment the simulator produces it; the rest follow in
 * writes of about {@value #BATCH_BYTES} bytes, each a task the pool runs after every waiting start, so
 * that thousands of streams opened at once all get their first hop before any gets its second batch. Once the client
 * is gone the stream stops and leaves the emitter alone: the container has already ended the request.
 */
final class HopStream {

    private static final Logger log = LoggerFactory.getLogger(HopStream.class);
    private static final int BATCH_BYTES = 16 * 1024;
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final SseEmitter emitter;
    private final JsonMapper json;
    private final StreamPool pool;
    /** Events not written yet; touched by one task at a time (each task is submitted by the one before). */
    private final Deque<String> pending = new ArrayDeque<>();
    private final Deque<Step> steps = new ArrayDeque<>();
    private volatile boolean closed;

    HopStream(SseEmitter emitter, JsonMapper json, StreamPool pool) {
        this.emitter = emitter;
        this.json = json;
        this.pool = pool;
    }

    void run(Scenario scenario) {
        if (closed) {
            return;
        }
        try {
            Trace trace = Simulator.run(scenario, this::produced);
            pending.add(event("done", null, json.writeValueAsString(StreamSummary.of(trace))));
            drain();
        } catch (ClientGone gone) {
            log.debug("client left a stream");
        } catch (SimulationException e) {
            fail(ApiProblems.cannotRun(e));
        } catch (RuntimeException e) {
            log.error("simulation failed", e);
            fail(ApiProblems.internal());
        }
    }

    void heartbeat() {
        try {
            emitter.send(SseEmitter.event().comment("heartbeat"));
        } catch (IOException | IllegalStateException e) {
            closed = true;
        }
    }

    /** The client went away, the stream timed out or completed: stop writing. */
    void close() {
        closed = true;
    }

    void fail(ProblemDetail problem) {
        try {
            write(event("error", null, json.writeValueAsString(problem)));
            emitter.complete();
        } catch (ClientGone gone) {
            log.debug("client left before its error event");
        }
    }

    private void produced(Step step) {
        if (closed) {
            throw new ClientGone();
        }
        if (step.seq() == 1) {
            write(hop(step));
        } else {
            steps.add(step);
        }
    }

    /** Writes the next batch; queues itself again while events remain, completes after the last. */
    private void drain() {
        try {
            StringBuilder batch = new StringBuilder(BATCH_BYTES + 2048);
            while (batch.length() < BATCH_BYTES && !steps.isEmpty()) {
                batch.append(hop(steps.poll()));
            }
            if (steps.isEmpty()) {
                while (!pending.isEmpty()) {
                    batch.append(pending.poll());
                }
            }
            write(batch.toString());
            if (steps.isEmpty()) {
                emitter.complete();
            } else {
                again();
            }
        } catch (ClientGone gone) {
            log.debug("client left a stream");
        }
    }

    private void again() {
        try {
            pool.more(this::drain);
        } catch (RejectedExecutionException full) {
            drain();
        }
    }

    private String hop(Step step) {
        return event("hop", Integer.toString(step.seq()), json.writeValueAsString(step));
    }

    private static String event(String name, String id, String data) {
        return "event:" + name + "\n" + (id == null ? "" : "id:" + id + "\n") + "data:" + data + "\n\n";
    }

    private void write(String events) {
        if (closed) {
            throw new ClientGone();
        }
        try {
            emitter.send(Set.of(new DataWithMediaType(events, TEXT)));
        } catch (IOException | IllegalStateException e) {
            closed = true;
            throw new ClientGone();
        }
    }

    /** Unwinds the simulation when nobody is listening any more. */
    private static final class ClientGone extends RuntimeException {
        ClientGone() {
            super(null, null, false, false);
        }
    }
}
