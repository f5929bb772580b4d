package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.support.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** A stream writes its first hop at once, the rest in batches, and stops for good when its client goes. */
class HopStreamTest {

    private static final Scenario PRESET = ScenarioReader.read(
            Fixtures.read(Path.of("src/main/resources/scenarios/docker-wan-published.json")));

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void writesTheFirstHopAloneThenBatchesThenCompletes() throws Exception {
        RecordingEmitter emitter = new RecordingEmitter(Integer.MAX_VALUE);
        HopStream stream = new HopStream(emitter, JsonMapper.builder().build(), pool);

        stream.run(PRESET);

        assertThat(emitter.completed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(emitter.writes.get(0)).startsWith("event:hop\nid:1\n").doesNotContain("id:2\n");
        String all = String.join("", emitter.writes);
        assertThat(all.split("event:hop\n", -1)).hasSize(64);
        assertThat(all).endsWith("\n\n").contains("event:done\n");
        assertThat(emitter.writes.size()).isBetween(3, 10);
    }

    @Test
    void aClientThatLeftStopsTheStreamWithoutCompletingIt() throws Exception {
        RecordingEmitter emitter = new RecordingEmitter(1);
        HopStream stream = new HopStream(emitter, JsonMapper.builder().build(), pool);

        stream.run(PRESET);
        Thread.sleep(300);

        assertThat(emitter.attempts).isEqualTo(2);
        assertThat(emitter.completed.getCount()).isEqualTo(1);
    }

    @Test
    void aStreamClosedBeforeItStartsNeverSimulates() throws Exception {
        RecordingEmitter emitter = new RecordingEmitter(Integer.MAX_VALUE);
        HopStream stream = new HopStream(emitter, JsonMapper.builder().build(), pool);
        stream.close();

        stream.run(PRESET);
        Thread.sleep(200);

        assertThat(emitter.attempts).isZero();
    }

    @Test
    void aHeartbeatIsACommentLine() {
        RecordingEmitter emitter = new RecordingEmitter(Integer.MAX_VALUE);
        new HopStream(emitter, JsonMapper.builder().build(), pool).heartbeat();

        assertThat(String.join("", emitter.writes)).isEqualTo(":heartbeat\n\n");
    }

    /** Keeps what is written; fails every write after the first {@code good} ones, as a gone client does. */
    private static final class RecordingEmitter extends SseEmitter {
        final List<String> writes = new ArrayList<>();
        final CountDownLatch completed = new CountDownLatch(1);
        final int good;
        volatile int attempts;

        RecordingEmitter(int good) {
            this.good = good;
        }

        @Override
        public synchronized void send(Set<DataWithMediaType> items) throws IOException {
            if (++attempts > good) {
                throw new IOException("Broken pipe");
            }
            items.forEach(item -> writes.add(((EventBatch) item.getData()).bytes().toString(StandardCharsets.UTF_8)));
        }

        @Override
        public void complete() {
            completed.countDown();
        }
    }
}
