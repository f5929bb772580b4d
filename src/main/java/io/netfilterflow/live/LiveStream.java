package io.netfilterflow.live;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One page's live event stream, written with Servlet non-blocking I/O: whoever passes an event on returns at
 * once, so a student's slow or dead connection never holds the presenter, the bus or the other students. A
 * client that falls {@link #MAX_QUEUED_BYTES} behind, or takes nothing for the write timeout, is dropped; its
 * page connects again and starts from the presenter's state of then. States older than one already sent are
 * skipped, so a stream's states only ever go forward. Events wait in the stream's queue until the container says
 * the socket may be written.
 */
final class LiveStream implements WriteListener, AsyncListener {

    static final int MAX_QUEUED_BYTES = 64 * 1024;
    /** EventSource waits this long before it connects again. */
    private static final byte[] OPENING = "retry:1000\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final boolean presenter;
    private final Consumer<LiveStream> gone;
    private final Queue<byte[]> queue = new ArrayDeque<>();
    private final AtomicInteger pumps = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    /**
     * Held while this stream uses its request (writes to it, completes it) and by the container's callbacks that
     * end it: once the container has ended a request it reuses its objects for another connection's request, so
     * nothing here may touch them after that, not even a write begun on another thread just before.
     */
    private final ReentrantLock request = new ReentrantLock();
    /**
     * The container has ended the request, or is ending it: set holding {@link #request}, or after a second's wait.
     */
    private volatile boolean released;
    private int queuedBytes;
    private long lastSeq;
    private boolean unflushed;
    /**
     * Tomcat's first {@code onWritePossible}, after the request's own dispatch has returned: no thread may write
     * before it (a write from another thread while the request is still dispatched breaks Tomcat's async state).
     */
    private volatile boolean begun;
    private volatile long lastTaken = System.nanoTime();
    private volatile long lastSent = System.nanoTime();

    private LiveStream(AsyncContext async, ServletOutputStream out, boolean presenter, Consumer<LiveStream> gone) {
        this.async = async;
        this.out = out;
        this.presenter = presenter;
        this.gone = gone;
    }

    static LiveStream open(HttpServletRequest request, HttpServletResponse response, boolean presenter,
                           LiveProperties limits, Consumer<LiveStream> gone) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // a proxy in front passes each event on at once
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(limits.streamTimeout().toMillis());
        LiveStream stream = new LiveStream(async, response.getOutputStream(), presenter, gone);
        async.addListener(stream);
        stream.send(OPENING);
        stream.out.setWriteListener(stream);
        return stream;
    }

    boolean presenter() {
        return presenter;
    }

    /** A state numbered {@code seq}; skipped when this stream has had it or a later one. */
    void sendState(long seq, byte[] event) {
        synchronized (queue) {
            if (seq <= lastSeq) {
                return;
            }
            lastSeq = seq;
            enqueue(event);
        }
        pump();
    }

    void send(byte[] event) {
        synchronized (queue) {
            enqueue(event);
        }
        pump();
    }

    /** Sends the last event and ends the stream once it is written. */
    void finish(byte[] event) {
        send(event);
        close();
    }

    private void enqueue(byte[] event) {
        if (closed.get()) {
            return;
        }
        if (queuedBytes + event.length > MAX_QUEUED_BYTES) {
            queue.clear();
            queuedBytes = 0;
            closed.set(true); // behind by more than it may be: the page reconnects and starts afresh
            return;
        }
        queue.add(event);
        queuedBytes += event.length;
    }

    /** Drops a stream whose socket took nothing for the write timeout, else gives a quiet one its heartbeat. */
    void tick(long now, long writeTimeoutNanos, long heartbeatNanos) {
        boolean behind;
        synchronized (queue) {
            behind = !queue.isEmpty();
        }
        if ((behind || closed.get()) && now - lastTaken > writeTimeoutNanos) {
            end(); // its socket takes nothing: nothing more is written to it
        } else if (!closed.get() && now - lastSent > heartbeatNanos) {
            send(HEARTBEAT);
        }
    }

    void close() {
        closed.set(true);
        pump();
    }

    /** Whoever raises {@link #pumps} from 0 writes until it falls back to 0: one writer at a time, none waits. */
    private void pump() {
        if (begun && !ended.get() && pumps.getAndIncrement() == 0) {
            int missed = 1;
            do {
                drain();
                missed = pumps.addAndGet(-missed);
            } while (missed != 0);
        }
    }

    private void drain() {
        request.lock();
        try {
            if (!released) {
                write();
            }
        } finally {
            request.unlock();
        }
    }

    private void write() {
        try {
            while (!ended.get() && out.isReady()) {
                lastTaken = System.nanoTime();
                byte[] next;
                synchronized (queue) {
                    next = queue.poll();
                    if (next != null) {
                        queuedBytes -= next.length;
                    }
                }
                if (next != null) {
                    out.write(next);
                    lastSent = System.nanoTime();
                    unflushed = true;
                } else if (unflushed) {
                    unflushed = false;
                    out.flush();
                } else {
                    if (closed.get()) {
                        end();
                    }
                    return;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the container saw the write fail too: it reports the error and ends the request itself
            end(false);
        }
    }

    /** Ends the stream here: what the container has not ended (a client that takes nothing, a last event sent). */
    private void end() {
        end(true);
    }

    /**
     * Forgets the stream, ending its request too when {@code complete}. A request the container is ending or has
     * ended is never completed from here: Tomcat reuses a finished request's async context for a later request,
     * whichever connection that comes on, and completing it then ends some other page's stream.
     */
    private void end(boolean complete) {
        synchronized (queue) {
            queue.clear();
            queuedBytes = 0;
        }
        closed.set(true);
        if (ended.compareAndSet(false, true)) {
            if (complete) {
                request.lock();
                try {
                    completeUnlessReleased();
                } finally {
                    request.unlock();
                }
            }
            gone.accept(this);
        }
    }

    /**
     * A container callback, on its thread, before the container takes the request back: nothing here touches the
     * request after this returns. Completing it here (on an error or a timeout) is the container's own rule. A write
     * under way on another thread is waited for (it does not block: the socket was ready), but not for ever, should
     * the container's own locks ever hold that write up.
     */
    private void releasedByContainer(boolean complete) {
        boolean locked = false;
        try {
            locked = request.tryLock(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (complete) {
                completeUnlessReleased();
            }
            released = true;
        } finally {
            if (locked) {
                request.unlock();
            }
        }
        end(false);
    }

    /** Completes the request once, unless the container has it back; with {@link #request} held (or waited for). */
    private void completeUnlessReleased() {
        try {
            if (!released) {
                async.complete();
            }
        } catch (RuntimeException alreadyEnded) {
            // the container ended it first (a timeout, the client gone)
        } finally {
            released = true;
        }
    }

    @Override
    public void onWritePossible() {
        begun = true;
        pump();
    }

    @Override
    public void onError(Throwable error) {
        releasedByContainer(true);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        releasedByContainer(true);
    }

    @Override
    public void onError(AsyncEvent event) {
        releasedByContainer(true);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        releasedByContainer(false);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // one async cycle per stream
    }
}
