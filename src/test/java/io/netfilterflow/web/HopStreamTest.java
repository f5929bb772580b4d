package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.problem.ProblemText;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.SimulationBudget;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.trace.TraceMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stream writes its first hop at once, the rest in batches, and stops for good when its client goes;
 * nothing thrown while simulating or writing, not even an {@code Error}, leaves the stream open or escapes.
 */
class HopStreamTest {

    private static final Scenario PRESET = ScenarioReader.read(
            Fixtures.read(Path.of("src/main/resources/scenarios/docker-wan-published.json")));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesTheFirstHopAloneThenBatchesThenCompletes() {
        RecordingSink sink = new RecordingSink(Integer.MAX_VALUE);

        new HopStream(sink, JSON, SimulationBudget.DEFAULT, TraceMessages.ENGLISH, ProblemText.ENGLISH).run(PRESET);

        assertThat(sink.completed).isTrue();
        assertThat(sink.writes.get(0)).startsWith("event:hop\nid:1\n").doesNotContain("id:2\n");
        String all = String.join("", sink.writes);
        assertThat(all.split("event:hop\n", -1)).hasSize(64);
        assertThat(all).endsWith("\n\n").contains("event:done\n");
        assertThat(sink.writes.size()).isBetween(3, 10);
    }

    @Test
    void aClientThatLeftStopsTheStreamWithoutCompletingIt() {
        RecordingSink sink = new RecordingSink(1);
        HopStream stream = new HopStream(sink, JSON, SimulationBudget.DEFAULT, TraceMessages.ENGLISH, ProblemText.ENGLISH);

        stream.run(PRESET);

        assertThat(sink.attempts).isEqualTo(2);
        assertThat(sink.completed).isFalse();
        assertThat(stream.produced()).isLessThan(63);
    }

    @Test
    void aStreamDroppedWhileSimulatingStopsAtTheNextStep() {
        RecordingSink sink = new RecordingSink(Integer.MAX_VALUE);
        sink.openFor = 6; // the check before simulating, then five steps
        HopStream stream = new HopStream(sink, JSON, SimulationBudget.DEFAULT, TraceMessages.ENGLISH, ProblemText.ENGLISH);

        stream.run(PRESET);

        assertThat(stream.produced()).isEqualTo(5);
        assertThat(sink.attempts).isEqualTo(1);
        assertThat(sink.completed).isFalse();
    }

    @Test
    void aStreamClosedBeforeItStartsNeverSimulates() {
        RecordingSink sink = new RecordingSink(Integer.MAX_VALUE);
        sink.openFor = 0;
        HopStream stream = new HopStream(sink, JSON, SimulationBudget.DEFAULT, TraceMessages.ENGLISH, ProblemText.ENGLISH);

        stream.run(PRESET);

        assertThat(sink.attempts).isZero();
        assertThat(stream.produced()).isZero();
    }

    /** An allocation failing inside the simulator's callback unwinds the simulator: the client gets an error. */
    @Test
    void anErrorInsideTheSimulationEndsTheStreamWithAnErrorEvent() {
        RecordingSink sink = new RecordingSink(Integer.MAX_VALUE);
        sink.errorOnAttempt = 2;

        new HopStream(sink, JSON, SimulationBudget.DEFAULT, TraceMessages.ENGLISH, ProblemText.ENGLISH).run(PRESET);

        assertThat(sink.writes.get(sink.writes.size() - 1)).startsWith("event:error\ndata:").contains("\"status\":500");
        assertThat(sink.completed).isTrue();
        assertThat(sink.aborted).isFalse();
    }

    @Test
    void anErrorWhileEndingAbortsTheStreamAndStaysInside() {
        RecordingSink sink = new RecordingSink(Integer.MAX_VALUE);
        sink.errorOnAttempt = 2;
        sink.errorsFrom = true;

        new HopStream(sink, JSON, SimulationBudget.DEFAULT, TraceMessages.ENGLISH, ProblemText.ENGLISH).run(PRESET);

        assertThat(sink.aborted).isTrue();
        assertThat(sink.completed).isFalse();
    }

    /** Keeps what is sent; refuses every send after the first {@code good} ones, as a gone client does. */
    private static final class RecordingSink implements EventSink {
        final List<String> writes = new ArrayList<>();
        final int good;
        int attempts;
        int openFor = Integer.MAX_VALUE;
        int opens;
        int errorOnAttempt = -1;
        boolean errorsFrom;
        boolean completed;
        boolean aborted;

        RecordingSink(int good) {
            this.good = good;
        }

        @Override
        public boolean send(Events events, boolean now) {
            attempts++;
            if (attempts == errorOnAttempt || errorsFrom && attempts > errorOnAttempt && errorOnAttempt > 0) {
                throw new OutOfMemoryError("Java heap space (test)");
            }
            if (attempts > good) {
                return false;
            }
            writes.add(new String(events.render(), StandardCharsets.UTF_8));
            return true;
        }

        @Override
        public boolean open() {
            return opens++ < openFor && attempts <= good;
        }

        @Override
        public void complete() {
            completed = true;
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }
}
