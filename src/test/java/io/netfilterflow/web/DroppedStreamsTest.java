package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client more than its buffer behind makes its simulation wait while it reads; one that reads nothing for
 * the write timeout is dropped, and one that leaves ends its stream: either way the simulation stops early
 * and the stream forgets what it held.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "netfilter-flow.web.max-stream-buffer-bytes=262144", "netfilter-flow.web.write-timeout=2s"})
class DroppedStreamsTest {

    private static final int HOPS = 200 * (63 + 2 * 40);
    private static final String LARGE = SlowClients.largeScenario(40, 200);

    @LocalServerPort
    int port;

    @Autowired
    SimulationStreams streams;

    @Test
    void aSlowReaderGetsItsWholeStream() throws Exception {
        String scenario = SlowClients.largeScenario(40, 30);
        try (SocketChannel client = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            client.write(ByteBuffer.wrap(SlowClients.request(port, scenario)));
            ByteBuffer buffer = ByteBuffer.allocate(8 * 1024);
            StringBuilder received = new StringBuilder();
            while (!received.toString().endsWith("\r\n0\r\n\r\n") && client.read(buffer) >= 0) {
                received.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1));
                buffer.clear();
                Thread.sleep(1); // about 8 MB/s at most: far slower than the simulator writes
            }

            assertThat(received).contains("event:done").contains("id:" + 30 * (63 + 2 * 40) + "\n");
        }
    }

    @Test
    void aClientThatReadsNothingForTheWriteTimeoutIsClosedAndItsSimulationStops() throws Exception {
        long before = streams.stepsProduced();
        try (SocketChannel client = SlowClients.stalled(port, LARGE)) {
            SlowClients.await(() -> streams.stepsProduced() > before && streams.openStreams() == 0,
                    Duration.ofSeconds(60));

            assertThat(streams.stepsProduced() - before).isPositive().isLessThan(HOPS);
            assertThat(streams.bufferedBytes()).isZero();
            String received = SlowClients.readToEnd(client, Duration.ofSeconds(30));
            assertThat(received).startsWith("HTTP/1.1 200").contains("event:hop\nid:1\n").doesNotContain("event:done")
                    .contains("event:error\ndata:{").contains("\"status\":408").endsWith("\r\n0\r\n\r\n");
        }
    }

    @Test
    void aClientLeavingAfterTheFirstHopStopsItsSimulation() throws Exception {
        long before = streams.stepsProduced();
        try (SocketChannel client = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            client.write(ByteBuffer.wrap(SlowClients.request(port, LARGE)));
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            StringBuilder received = new StringBuilder();
            while (!received.toString().contains("event:hop") && client.read(buffer) >= 0) {
                received.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1));
                buffer.clear();
            }
        }
        SlowClients.await(() -> streams.stepsProduced() > before && streams.openStreams() == 0, Duration.ofSeconds(60));

        assertThat(streams.stepsProduced() - before).isPositive().isLessThan(HOPS);
        assertThat(streams.bufferedBytes()).isZero();
    }
}
