package io.netfilterflow.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's event stream on the wire, written with Servlet non-blocking I/O: whoever sends events returns
 * at once, and the socket takes them when it can ({@link WriteListener#onWritePossible}), so no thread ever
 * waits for a client. Events the socket has not taken wait here; a client more than the stream's buffer
 * behind, or whose socket takes nothing for the write timeout, is dropped: the queue is released and the
 * stream forgotten at once, {@link #open()} turns false so the simulation stops at its next step, and the
 * connection is closed as soon as the container hands the socket back (or by its own timeouts).
 */
final class SseWriter implements EventSink, WriteListener, AsyncListener {

    private static final Logger log = LoggerFactory.getLogger(SseWriter.class);
    private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final StreamBuffers buffers;
    private final Consumer<SseWriter> released;
    private final Duration heartbeat;
    private final Duration writeTimeout;
    private long nextHeartbeat;
    private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queued = new AtomicLong();
    /** Calls that want the queue written; the one that raises it from 0 writes until it falls back, so one writes at a time. */
    private final AtomicInteger pumps = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean forgotten = new AtomicBoolean();
    private volatile boolean completing;
    private volatile String dropped;
    private volatile boolean waiting;
    private volatile long lastTaken = System.nanoTime();
    private boolean unflushed;

    private SseWriter(AsyncContext async, ServletOutputStream out, StreamBuffers buffers, Consumer<SseWriter> released,
                      WebProperties timings, Duration writeTimeout) {
        this.async = async;
        this.out = out;
        this.buffers = buffers;
        this.released = released;
        this.heartbeat = timings.heartbeat();
        this.writeTimeout = writeTimeout;
        this.nextHeartbeat = lastTaken + heartbeat.toNanos();
    }

    /** Turns the request into an open event stream; {@code released} runs once when it ends, however it ends. */
    static SseWriter open(HttpServletRequest request, HttpServletResponse response, WebProperties timings,
                          Duration writeTimeout, StreamBuffers buffers, Consumer<SseWriter> released) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timings.streamTimeout().toMillis());
        SseWriter writer = new SseWriter(async, response.getOutputStream(), buffers, released, timings, writeTimeout);
        async.addListener(writer);
        writer.out.setWriteListener(writer);
        return writer;
    }

    /** Runs the producer on a container thread of its own: the request's thread returns, so the socket can be written. */
    void produce(Runnable producer) {
        async.start(producer);
    }

    @Override
    public boolean send(byte[] events) {
        if (!open()) {
            return false;
        }
        if (!buffers.reserve(events.length)) {
            drop("all streams together hold their limit of bytes");
            return false;
        }
        queue.add(events);
        if (queued.addAndGet(events.length) > buffers.perStream()) {
            drop("the client fell more than " + buffers.perStream() + " bytes behind");
        }
        pump();
        if (!open()) {
            discard(); // a send racing the end leaves nothing behind
        }
        return open();
    }

    @Override
    public boolean open() {
        return !ended.get() && dropped == null;
    }

    @Override
    public void complete() {
        completing = true;
        pump();
    }

    @Override
    public void abort() {
        drop("the stream failed");
    }

    /**
     * Drops the stream when its socket has taken nothing for the write timeout, else sends a heartbeat
     * comment when one is due, so that proxies keep a quiet stream open. Called often, from one thread.
     */
    void tick(long now) {
        if (waiting && now - lastTaken > writeTimeout.toNanos()) {
            drop("the client took nothing for " + writeTimeout.toMillis() + " ms");
        } else if (now - nextHeartbeat >= 0) {
            nextHeartbeat = now + heartbeat.toNanos();
            if (!completing) {
                send(HEARTBEAT);
            }
        }
    }

    /** Bytes waiting for this stream's socket. */
    long queued() {
        return queued.get();
    }

    private void drop(String why) {
        if (dropped == null && !ended.get()) {
            dropped = why;
            log.debug("stream dropped: {}", why);
        }
        discard();
        pump();
    }

    private void pump() {
        if (pumps.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!ended.get()) {
                drain();
            }
            missed = pumps.addAndGet(-missed);
        } while (missed != 0);
    }

    /** Writes while the socket takes; a false {@code isReady()} promises an {@code onWritePossible()} later. */
    private void drain() {
        try {
            while (dropped == null && out.isReady()) {
                lastTaken = System.nanoTime();
                waiting = false;
                byte[] events = queue.poll();
                if (events != null) {
                    taken(events.length);
                    out.write(events);
                    unflushed = true;
                } else if (unflushed) {
                    unflushed = false;
                    out.flush();
                } else {
                    if (completing) {
                        end();
                    }
                    return;
                }
            }
            if (dropped == null) {
                waiting = true;
            } else {
                forget();
                if (out.isReady()) {
                    end(); // nothing of ours waits in the container: the response can end cleanly now
                }
            }
        } catch (IOException | RuntimeException gone) {
            log.debug("client left a stream: {}", gone.toString());
            end();
        }
    }

    private void taken(int bytes) {
        queued.addAndGet(-bytes);
        buffers.release(bytes);
    }

    private void discard() {
        for (byte[] events = queue.poll(); events != null; events = queue.poll()) {
            taken(events.length);
        }
    }

    /** Releases what the stream holds and lets go of it, once; the response may still be ending. */
    private void forget() {
        discard();
        if (forgotten.compareAndSet(false, true)) {
            released.accept(this);
        }
    }

    /** Ends the response, once, and forgets the stream. */
    private void end() {
        if (ended.compareAndSet(false, true)) {
            try {
                async.complete();
            } catch (RuntimeException alreadyEnded) {
                log.debug("stream already ended: {}", alreadyEnded.toString());
            }
        }
        forget();
    }

    /**
     * The socket takes data again. For a dropped stream part of an event may still wait in the container, so
     * the connection is closed rather than ended: failing here makes the container close it at once.
     */
    @Override
    public void onWritePossible() throws IOException {
        if (dropped != null && !ended.get()) {
            forget();
            throw new IOException("stream dropped: " + dropped);
        }
        pump();
    }

    @Override
    public void onError(Throwable error) {
        log.debug("stream write failed: {}", error.toString());
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        if (dropped == null) {
            dropped = "the stream timed out";
        }
        end(); // the container wants complete() before this returns
    }

    @Override
    public void onError(AsyncEvent event) {
        end();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // one async cycle per stream
    }
}
