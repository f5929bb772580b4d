package io.netfilterflow.web;

import io.netfilterflow.netfilter.list.ChainListing;
import io.netfilterflow.problem.ProblemText;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.simulation.SimulationBudget;
import io.netfilterflow.simulation.SimulationException;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.TraceJson;
import io.netfilterflow.trace.TraceMessages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client's stream: a {@code hop} event per step, then {@code done}, or an {@code error} event with a
 * ProblemDetail after the hops so far. The first hop is framed and written the moment the simulator produces
 * it; the rest go in batches of about {@value #BATCH_BYTES} bytes, framed by the stream writers when the
 * socket takes them, so a burst of new streams gets its first hops first. Once the client is gone (or was
 * dropped for reading too slowly) the simulation stops at its next step. Nothing thrown here leaves {@link #run}: an
 * {@code Error} such as {@code OutOfMemoryError} ends the stream too, and the partial trace goes with it.
 */
final class HopStream {

    static final int BATCH_BYTES = 16 * 1024;
    /** A hop event's bytes as counted before it is framed: about what the presets' hops take. */
    static final int HOP_ESTIMATE = 700;
    private static final Logger log = LoggerFactory.getLogger(HopStream.class);

    private final EventSink sink;
    private final JsonMapper json;
    private final SimulationBudget budget;
    private final TraceMessages words;
    private final ProblemText problems;
    private Batch batch = new Batch();
    private int produced;

    HopStream(EventSink sink, JsonMapper json, SimulationBudget budget, TraceMessages words, ProblemText problems) {
        this.sink = sink;
        this.json = json;
        this.budget = budget;
        this.words = words;
        this.problems = problems;
    }

    void run(Scenario scenario) {
        try {
            if (!sink.open()) {
                return;
            }
            Last last = simulate(scenario); // the batch may change while simulating
            batch.last = last;
            send();
            sink.complete();
        } catch (ClientGone gone) {
            log.debug("client left a stream after {} steps", produced);
        } catch (Throwable failure) { // an Error while framing or sending: end the stream, keep the thread
            batch = null;
            sink.abort();
            quietly(failure);
        } finally {
            batch = null;
        }
    }

    /** Steps the simulator produced for this stream so far. */
    int produced() {
        return produced;
    }

    /** The event after the hops: {@code done} with the summary, or {@code error} with a ProblemDetail. */
    private Last simulate(Scenario scenario) {
        try {
            return new Last("done", StreamSummary.of(Simulator.run(scenario, budget, this::produced), words,
                    ChainListing.of(scenario.host())));
        } catch (ClientGone gone) {
            throw gone;
        } catch (SimulationException e) {
            return new Last("error", ApiProblems.cannotRun(e, problems));
        } catch (RuntimeException | Error e) { // the partial trace is unreachable once the simulator has unwound
            quietly(e);
            return new Last("error", ApiProblems.internal(problems));
        }
    }

    private void produced(Step step) {
        if (!sink.open()) {
            throw new ClientGone();
        }
        produced++;
        if (step.seq() == 1) {
            ByteArrayOutputStream first = new ByteArrayOutputStream(1024);
            event(first, "hop", step.seq(), TraceJson.hop(step, words));
            if (!sink.send(Events.of(first.toByteArray()), true)) {
                throw new ClientGone();
            }
            return;
        }
        batch.steps.add(step);
        if (batch.size() >= BATCH_BYTES) {
            send();
        }
    }

    private void send() {
        Batch full = batch;
        batch = new Batch();
        if (!sink.send(full, false)) {
            throw new ClientGone();
        }
    }

    /**
     * Frames one event straight into the batch: no copy of the JSON between Jackson and the batch. Jackson
     * writes JSON on one line, so the data needs one {@code data:} line; id 0 means none.
     */
    private void event(ByteArrayOutputStream bytes, String name, int id, Object data) {
        String head = "event:" + name + "\n" + (id > 0 ? "id:" + id + "\n" : "") + "data:";
        bytes.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        json.writeValue(bytes, data);
        bytes.write('\n');
        bytes.write('\n');
    }

    /**
     * Hops (and maybe the last event) framed only when the socket takes them, by the stream writers; counted
     * before that at {@value #HOP_ESTIMATE} bytes a hop. Rendering lets go of the steps.
     */
    private final class Batch implements Events {
        private final List<Step> steps = new ArrayList<>(BATCH_BYTES / HOP_ESTIMATE + 1);
        private Last last;
        private final int lastEstimate = 4096;

        @Override
        public int size() {
            return steps.size() * HOP_ESTIMATE + (last == null ? 0 : lastEstimate);
        }

        @Override
        public byte[] render() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(BATCH_BYTES + 4096);
            for (Step step : steps) {
                event(bytes, "hop", step.seq(), TraceJson.hop(step, words));
            }
            if (last != null) {
                event(bytes, last.name(), 0, last.data());
            }
            steps.clear();
            last = null;
            return bytes.toByteArray();
        }
    }

    /** Logs a failure; a log that cannot allocate either must not throw from here. */
    private static void quietly(Throwable failure) {
        try {
            log.error("simulation stream failed", failure);
        } catch (Throwable ignored) {
            // nothing left to tell it with
        }
    }

    private record Last(String name, Object data) {
    }

    /** Unwinds the simulation when nobody is listening any more. */
    private static final class ClientGone extends RuntimeException {
        ClientGone() {
            super(null, null, false, false);
        }
    }
}
