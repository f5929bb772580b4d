package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clients that ask for a large stream and never read it stay open (their buffers are big enough here) and
 * keep their sockets full, yet another client's stream goes through at once: no thread waits for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "netfilter-flow.web.max-stream-buffer-bytes=67108864", "netfilter-flow.web.write-timeout=60s"})
class StalledStreamsTest {

    /** About 20 MB of events: far more than the sockets between client and server hold. */
    private static final String LARGE = SlowClients.largeScenario(40, 200);

    @LocalServerPort
    int port;

    @Autowired
    SimulationStreams streams;

    @Test
    void clientsThatNeverReadDelayNoOtherClientsStream() throws Exception {
        List<SocketChannel> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                stalled.add(SlowClients.stalled(port, LARGE));
            }
            SlowClients.await(() -> streams.openStreams() == 4 && streams.producingStreams() == 0,
                    Duration.ofSeconds(60));

            long start = System.nanoTime();
            HttpResponse<String> normal = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/simulations"))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(SlowClients.PRESET)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(normal.body()).contains("event:done\n").contains("id:63\n");
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(streams.openStreams()).as("the stalled streams are still open, waiting").isEqualTo(4);
            assertThat(streams.bufferedBytes()).isPositive();
        } finally {
            for (SocketChannel channel : stalled) {
                channel.close();
            }
        }
        SlowClients.await(() -> streams.openStreams() == 0, Duration.ofSeconds(30));
        assertThat(streams.bufferedBytes()).isZero();
    }
}
