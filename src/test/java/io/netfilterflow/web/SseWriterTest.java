package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The socket is written only when it takes data, and never waited for; a stream whose client falls more than
 * its buffer behind, or takes nothing for the write timeout, is dropped and forgets what it held.
 */
class SseWriterTest {

    private static final WebProperties TIMINGS = new WebProperties(null, null, null, Duration.ofSeconds(60),
            Duration.ofMillis(100));
    private static final long MS = 1_000_000L;

    private final List<SseWriter> released = new ArrayList<>();

    @Test
    void writesEventsTheMomentTheSocketTakesThemAndEndsAfterTheLast() throws Exception {
        Socket socket = new Socket(true);
        SseWriter writer = open(socket, new StreamBuffers(limits(1000, 10_000)));

        assertThat(writer.send(Events.of(bytes("event:hop\ndata:{}\n\n")), true)).isTrue();
        assertThat(socket.text()).isEqualTo("event:hop\ndata:{}\n\n");
        assertThat(socket.flushes).isPositive();
        writer.complete();

        assertThat(released).containsExactly(writer);
        assertThat(writer.open()).isFalse();
    }

    @Test
    void aSocketThatTakesNothingLeavesTheEventsQueuedUntilItCanWrite() throws Exception {
        Socket socket = new Socket(false);
        SseWriter writer = open(socket, new StreamBuffers(limits(1000, 10_000)));

        assertThat(writer.send(Events.of(bytes("event:hop\ndata:{}\n\n")), true)).isTrue();
        writer.complete();
        assertThat(socket.text()).isEmpty();
        assertThat(writer.queued()).isEqualTo(19);
        assertThat(released).isEmpty();

        socket.ready = true;
        socket.listener.onWritePossible();

        assertThat(socket.text()).isEqualTo("event:hop\ndata:{}\n\n");
        assertThat(released).containsExactly(writer);
    }

    @Test
    void aClientFallingMoreThanItsBufferBehindIsWaitedForWhileItsSocketTakesData() throws Exception {
        Socket socket = new Socket(false);
        StreamBuffers buffers = new StreamBuffers(limits(1000, 10_000));
        SseWriter writer = open(socket, buffers, Duration.ofSeconds(30));
        Thread reader = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            socket.ready = true;
            writerOf(socket).onWritePossible();
        });
        reader.start();

        assertThat(writer.send(Events.of(new byte[600]), true)).isTrue();
        long start = System.nanoTime();
        assertThat(writer.send(Events.of(new byte[600]), true)).isTrue();
        reader.join();

        assertThat(System.nanoTime() - start).isGreaterThan(50 * MS);
        assertThat(socket.taken.size()).isEqualTo(1200);
        assertThat(writer.open()).isTrue();
        assertThat(buffers.used()).isZero();
    }

    @Test
    void aClientFallingBehindThatTakesNothingForTheWriteTimeoutIsDroppedAndItsBufferReleased() throws Exception {
        Socket socket = new Socket(false);
        StreamBuffers buffers = new StreamBuffers(limits(1000, 10_000));
        SseWriter writer = open(socket, buffers);

        assertThat(writer.send(Events.of(new byte[600]), true)).isTrue();
        long start = System.nanoTime();
        assertThat(writer.send(Events.of(new byte[600]), true)).isFalse();

        assertThat(System.nanoTime() - start).isGreaterThan(150 * MS);
        assertThat(writer.open()).isFalse();
        assertThat(released).containsExactly(writer);
        assertThat(writer.queued()).isZero();
        assertThat(buffers.used()).isZero();
        assertThat(writer.send(Events.of(new byte[1]), true)).isFalse();
    }

    @Test
    void aDroppedStreamsClientIsToldWhyWhenItReadsAgainThenTheResponseEnds() throws Exception {
        Socket socket = new Socket(false);
        SseWriter writer = open(socket, new StreamBuffers(limits(1000, 10_000)));
        writer.send(Events.of(new byte[600]), true);
        writer.send(Events.of(new byte[600]), true);
        assertThat(released).containsExactly(writer);

        socket.ready = true;
        socket.listener.onWritePossible();

        assertThat(socket.text()).isEqualTo("event:error\ndata:408 the client took nothing for 200 ms\n\n");
        assertThat(socket.listener).isSameAs(writer);
        assertThat(writer.send(Events.of(new byte[1]), true)).isFalse();
    }

    @Test
    void aClientBehindWhileTooManyStreamsWaitIsDroppedAtOnce() throws Exception {
        StreamBuffers buffers = new StreamBuffers(new StreamProperties(1000, 10_000L, 0, null, null, Duration.ofSeconds(60)));
        SseWriter writer = open(new Socket(false), buffers);

        writer.send(Events.of(new byte[600]), true);
        long start = System.nanoTime();
        assertThat(writer.send(Events.of(new byte[600]), true)).isFalse();

        assertThat(System.nanoTime() - start).isLessThan(1000 * MS);
        assertThat(released).containsExactly(writer);
        assertThat(buffers.used()).isZero();
    }

    @Test
    void allStreamsTogetherHoldNoMoreThanTheirLimit() throws Exception {
        StreamBuffers buffers = new StreamBuffers(limits(1000, 1500));
        SseWriter first = open(new Socket(false), buffers);
        SseWriter second = open(new Socket(false), buffers);

        assertThat(first.send(Events.of(new byte[900]), true)).isTrue();
        assertThat(second.send(Events.of(new byte[900]), true)).isFalse();

        assertThat(first.open()).isTrue();
        assertThat(released).containsExactly(second);
        assertThat(buffers.used()).isEqualTo(900);
    }

    @Test
    void aSocketThatTakesNothingForTheWriteTimeoutIsDropped() throws Exception {
        Socket socket = new Socket(false);
        SseWriter writer = open(socket, new StreamBuffers(limits(1000, 10_000)));
        writer.send(Events.of(bytes("event:hop\ndata:{}\n\n")), true);

        writer.tick(System.nanoTime() + 100 * MS);
        assertThat(writer.open()).isTrue();
        writer.tick(System.nanoTime() + 300 * MS);

        assertThat(writer.open()).isFalse();
        assertThat(released).containsExactly(writer);
        assertThat(writer.queued()).isZero();
    }

    @Test
    void aHeartbeatIsACommentLine() throws Exception {
        Socket socket = new Socket(true);
        SseWriter writer = open(socket, new StreamBuffers(limits(1000, 10_000)));

        writer.tick(System.nanoTime() + 150 * MS);

        assertThat(socket.text()).isEqualTo(":heartbeat\n\n");
        assertThat(writer.open()).isTrue();
    }

    @Test
    void aFailedWriteEndsTheStream() throws Exception {
        Socket socket = new Socket(true);
        socket.broken = true;
        SseWriter writer = open(socket, new StreamBuffers(limits(1000, 10_000)));

        assertThat(writer.send(Events.of(bytes("event:hop\ndata:{}\n\n")), true)).isFalse();

        assertThat(released).containsExactly(writer);
    }

    private SseWriter open(Socket socket, StreamBuffers buffers) throws IOException {
        return open(socket, buffers, Duration.ofMillis(200));
    }

    private SseWriter open(Socket socket, StreamBuffers buffers, Duration writeTimeout) throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/simulations");
        request.setAsyncSupported(true);
        HttpServletResponseWrapper response = new HttpServletResponseWrapper(new MockHttpServletResponse()) {
            @Override
            public ServletOutputStream getOutputStream() {
                return socket;
            }
        };
        return SseWriter.open(request, response, TIMINGS, writeTimeout, buffers, Runnable::run, released::add,
                drop -> bytes("event:error\ndata:" + drop.status() + " " + drop.why() + "\n\n"));
    }

    private static SseWriter writerOf(Socket socket) {
        return (SseWriter) socket.listener;
    }

    private static StreamProperties limits(int perStream, long total) {
        return new StreamProperties(perStream, total, 1, null, null, Duration.ofMillis(200));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A non-blocking socket that takes data only while {@code ready}. */
    private static final class Socket extends ServletOutputStream {
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        WriteListener listener;
        boolean ready;
        boolean broken;
        int flushes;

        Socket(boolean ready) {
            this.ready = ready;
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            this.listener = listener;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!ready) {
                throw new IllegalStateException("written while not ready");
            }
            if (broken) {
                throw new IOException("Broken pipe");
            }
            taken.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }

        String text() {
            return taken.toString(StandardCharsets.UTF_8);
        }
    }
}
