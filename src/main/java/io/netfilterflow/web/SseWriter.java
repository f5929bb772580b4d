package io.netfilterflow.web;

import io.netfilterflow.problem.Problem;
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
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's event stream on the wire, written with Servlet non-blocking I/O: whoever sends events returns
 * at once, and the socket takes them when it can ({@link WriteListener#onWritePossible}), so no thread ever
 * waits for a socket. The first hop is written on the sender's thread, later events by the stream writers.
 * Events the socket has not taken wait here, up to the stream's buffer; beyond it the producer waits for
 * the client (see {@link #send}). A stream whose socket takes nothing for the write
 * timeout is dropped: the queue is released and the stream forgotten at once, {@link #open()} turns false
 * so the simulation stops at its next step, and the client gets an {@code error} event if it ever reads
 * again.
 */
final class SseWriter implements EventSink, WriteListener, AsyncListener {

    private static final Logger log = LoggerFactory.getLogger(SseWriter.class);
    private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final StreamBuffers buffers;
    private final Executor writers;
    private final Consumer<SseWriter> released;
    private final Function<Drop, byte[]> goodbye;
    private final Duration heartbeat;
    private final Duration writeTimeout;
    private long nextHeartbeat;
    private final EventQueue queue;
    /** Calls that want the queue written: the one that raises it from 0 writes until it is 0 again. */
    private final AtomicInteger pumps = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean forgotten = new AtomicBoolean();
    private volatile boolean completing;
    private volatile boolean begun;
    private volatile Problem dropped;
    private volatile boolean waiting;
    private volatile long lastTaken = System.nanoTime();
    private volatile int dropStatus;
    private boolean unflushed;
    private boolean saidGoodbye;

    private SseWriter(AsyncContext async, ServletOutputStream out, StreamBuffers buffers, Executor writers,
                      Consumer<SseWriter> released, Function<Drop, byte[]> goodbye, WebProperties timings,
                      Duration writeTimeout) {
        this.async = async;
        this.writers = writers;
        this.goodbye = goodbye;
        this.out = out;
        this.buffers = buffers;
        this.queue = new EventQueue(buffers);
        this.released = released;
        this.heartbeat = timings.heartbeat();
        this.writeTimeout = writeTimeout;
        this.nextHeartbeat = lastTaken + heartbeat.toNanos();
    }

    /**
     * Turns the request into an open event stream; {@code released} runs once when the stream is over, however
     * it ends, and {@code goodbye} frames the event that tells a dropped stream's client why.
     */
    static SseWriter open(HttpServletRequest request, HttpServletResponse response, WebProperties timings,
                          Duration writeTimeout, StreamBuffers buffers, Executor writers,
                          Consumer<SseWriter> released, Function<Drop, byte[]> goodbye) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timings.streamTimeout().toMillis());
        SseWriter writer = new SseWriter(async, response.getOutputStream(), buffers, writers, released, goodbye,
                timings, writeTimeout);
        async.addListener(writer);
        writer.out.setWriteListener(writer);
        return writer;
    }

    /**
     * Queues events; while the client is more than its buffer behind, the producer waits for it to catch up,
     * so a slow reader gets its whole stream and a stalled one costs no more work. The stream is dropped
     * instead when its socket takes nothing for the write timeout, or when too many streams wait already
     * (each waits on a thread).
     */
    @Override
    public boolean send(Events events, boolean now) {
        if (!offer(events, now)) {
            return false;
        }
        if (queue.full()) {
            awaitRoom();
        }
        return open();
    }

    private boolean offer(Events events, boolean now) {
        if (!open()) {
            return false;
        }
        if (!queue.add(events)) {
            drop(503, Problem.of("api.drop.all-streams"));
            return false;
        }
        if (now) {
            pumpHere();
        } else {
            pump();
        }
        if (!open()) {
            queue.clear(); // a send racing the end leaves nothing behind
        }
        return open();
    }

    /**
     * Waits while the stream is more than its buffer ahead. Only a client that is behind (its socket not ready)
     * takes one of the limited places to wait; a stream merely ahead of busy writers waits without one.
     */
    private void awaitRoom() {
        boolean place = false;
        try {
            while (open() && queue.full()) {
                if (waiting && !place && !(place = buffers.startWaiting())) {
                    drop(503, Problem.of("api.drop.behind", buffers.perStream(), buffers.maxWaiting()));
                } else if (waiting && System.nanoTime() - lastTaken > writeTimeout.toNanos()) {
                    drop(408, Problem.of("api.drop.idle", writeTimeout.toMillis()));
                } else {
                    queue.awaitTaking();
                }
            }
        } finally {
            if (place) {
                buffers.stopWaiting();
            }
        }
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
        drop(500, Problem.of("api.drop.failed"));
    }

    /**
     * Drops the stream when its socket has taken nothing for the write timeout, else sends a heartbeat
     * comment when one is due, so that proxies keep a quiet stream open. Called often, from one thread.
     */
    void tick(long now) {
        if (waiting && now - lastTaken > writeTimeout.toNanos()) {
            drop(408, Problem.of("api.drop.idle", writeTimeout.toMillis()));
        } else if (now - nextHeartbeat >= 0) {
            nextHeartbeat = now + heartbeat.toNanos();
            if (!completing) {
                offer(Events.of(HEARTBEAT), false);
            }
        }
    }

    /** Bytes waiting for this stream's socket. */
    long queued() {
        return queue.bytes();
    }

    private void drop(int status, Problem why) {
        if (dropped == null && !ended.get()) {
            dropStatus = status;
            dropped = why;
            log.debug("stream dropped: {}", why);
        }
        queue.clear();
        pump();
    }

    /** Has the stream writers write what is queued: a later hop's framing never takes a producer's turn. */
    private void pump() {
        if (pumps.getAndIncrement() == 0) {
            try {
                writers.execute(this::pumping);
            } catch (RejectedExecutionException full) {
                pumping();
            }
        }
    }

    /** Writes what is queued on this thread, now: the first hop. */
    private void pumpHere() {
        if (pumps.getAndIncrement() == 0) {
            pumping();
        }
    }

    /** Whoever raised {@link #pumps} from 0 writes until it falls back to 0, so one writes at a time. */
    private void pumping() {
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
                Events events = queue.poll();
                if (events != null) {
                    out.write(events.render());
                    unflushed = true;
                    queue.wakeProducer();
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
                farewell();
            }
        } catch (IOException | RuntimeException | Error gone) { // an Error while framing, too, ends only this stream
            log.debug("client left a stream: {}", gone.toString());
            end();
        }
    }

    /** Releases what the stream holds and lets go of it, once; the response may still be ending. */
    private void forget() {
        queue.clear();
        queue.wakeProducer();
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
     * Tells a dropped stream's client why, in an {@code error} event, once its socket takes data again (what
     * was written before is whole events: only whole queued batches were discarded), then ends the response.
     * A client that never reads again is left to the container's own write and async timeouts.
     */
    private void farewell() throws IOException {
        if (!saidGoodbye) {
            if (!out.isReady()) {
                return;
            }
            saidGoodbye = true;
            out.write(goodbye.apply(new Drop(dropStatus, dropped)));
        }
        if (out.isReady()) {
            end();
        }
    }

    /**
     * The socket takes data again; the first time it is the container saying the stream may begin, and the
     * first hop may be waiting for it: that is written here and now, not behind other streams' batches.
     */
    @Override
    public void onWritePossible() {
        if (begun) {
            pump();
        } else {
            begun = true;
            pumpHere();
        }
    }

    /** A write failed on a container thread; the container then reports it to {@link #onError(AsyncEvent)}. */
    @Override
    public void onError(Throwable error) {
        log.debug("stream write failed: {}", error.toString());
        forget();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        if (dropped == null) {
            dropStatus = 503;
            dropped = Problem.of("api.drop.timed-out");
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

    /** Why a stream was dropped: a ProblemDetail's status and detail. */
    record Drop(int status, Problem why) {
    }
}
