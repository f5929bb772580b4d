package io.netfilterflow.web;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.simulation.SimulationException;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client's stream: a {@code hop} event per step, then {@code done}, or an {@code error} event with a
 * ProblemDetail. The request's own thread simulates and writes the first hop the moment the simulator
 * produces it; the rest follow from the writer pool in writes of about {@value #BATCH_BYTES} bytes, one
 * task each, queued behind the streams already waiting, so thousands of streams opened at once all get
 * their first hop early and none hogs a writer. Once the client is gone the stream stops and leaves the
 * emitter alone: the container has already ended the request.
 */
final class HopStream {

    private static final Logger log = LoggerFactory.getLogger(HopStream.class);
    private static final int BATCH_BYTES = 16 * 1024;
    private static final MediaType BATCH = MediaType.APPLICATION_OCTET_STREAM;
    private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private final SseEmitter emitter;
    private final JsonMapper json;
    private final Executor writers;
    /** Hops not written yet, then the last event; touched by one task at a time, each queued by the one before. */
    private final Deque<Step> steps = new ArrayDeque<>();
    private String lastName;
    private Object last;
    private volatile boolean closed;

    HopStream(SseEmitter emitter, JsonMapper json, Executor writers) {
        this.emitter = emitter;
        this.json = json;
        this.writers = writers;
    }

    void run(Scenario scenario) {
        if (closed) {
            return;
        }
        try {
            Trace trace = Simulator.run(scenario, this::produced);
            end("done", StreamSummary.of(trace));
        } catch (ClientGone gone) {
            log.debug("client left a stream");
            return;
        } catch (SimulationException e) {
            end("error", ApiProblems.cannotRun(e));
        } catch (RuntimeException e) {
            log.error("simulation failed", e);
            end("error", ApiProblems.internal());
        }
        more(); // the hops before a failure still reach the client, then the error
    }

    private void end(String name, Object data) {
        lastName = name;
        last = data;
    }

    /** A comment line between events, so that proxies keep a quiet stream open. */
    void heartbeat() {
        try {
            write(new EventBatch(bytes(HEARTBEAT)));
        } catch (ClientGone gone) {
            log.debug("client left before a heartbeat");
        }
    }

    /** The client went away, the stream timed out or completed: stop writing. */
    void close() {
        closed = true;
    }

    private void produced(Step step) {
        if (closed) {
            throw new ClientGone();
        }
        if (step.seq() == 1) {
            ByteArrayOutputStream first = new ByteArrayOutputStream(1024);
            event(first, "hop", step.seq(), step);
            write(new EventBatch(first));
        } else {
            steps.add(step);
        }
    }

    /** Writes the next batch; queues itself again while events remain, completes after the last. */
    private void drain() {
        try {
            // a buffer of its own: an emitter not yet started keeps what it is sent until it starts
            ByteArrayOutputStream batch = new ByteArrayOutputStream(BATCH_BYTES + 4096);
            while (batch.size() < BATCH_BYTES && !steps.isEmpty()) {
                Step step = steps.poll();
                event(batch, "hop", step.seq(), step);
            }
            if (steps.isEmpty()) {
                event(batch, lastName, 0, last);
            }
            write(new EventBatch(batch));
            if (steps.isEmpty()) {
                emitter.complete();
            } else {
                more();
            }
        } catch (ClientGone gone) {
            log.debug("client left a stream");
        }
    }

    private void more() {
        try {
            writers.execute(this::drain);
        } catch (RejectedExecutionException full) {
            drain();
        }
    }

    /**
     * Frames one event straight into the batch: no copy of the JSON between Jackson and the socket's
     * buffer. Jackson writes JSON on one line, so the data needs one {@code data:} line; id 0 means none.
     */
    private void event(ByteArrayOutputStream batch, String name, int id, Object data) {
        String head = "event:" + name + "\n" + (id > 0 ? "id:" + id + "\n" : "") + "data:";
        batch.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        json.writeValue(batch, data);
        batch.write('\n');
        batch.write('\n');
    }

    private static ByteArrayOutputStream bytes(byte[] events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.length);
        bytes.writeBytes(events);
        return bytes;
    }

    private void write(EventBatch events) {
        if (closed) {
            throw new ClientGone();
        }
        try {
            emitter.send(Set.of(new DataWithMediaType(events, BATCH)));
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
