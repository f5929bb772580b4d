package io.netfilterflow.web;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The bytes all streams hold for their sockets, and the streams waiting for their clients, against their limits. */
final class StreamBuffers {

    private final int perStream;
    private final long total;
    private final int maxWaiting;
    private final AtomicLong used = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();

    StreamBuffers(StreamProperties properties) {
        this.perStream = properties.maxStreamBufferBytes();
        this.total = properties.maxStreamBuffersBytes();
        this.maxWaiting = properties.maxWaitingStreams();
    }

    /** Most streams whose producers may wait for their clients at once. */
    int maxWaiting() {
        return maxWaiting;
    }

    /** Takes one of the places to wait for a client; false when all are taken. */
    boolean startWaiting() {
        if (waiting.incrementAndGet() <= maxWaiting) {
            return true;
        }
        waiting.decrementAndGet();
        return false;
    }

    void stopWaiting() {
        waiting.decrementAndGet();
    }

    /** Most bytes one stream may hold. */
    int perStream() {
        return perStream;
    }

    /** Takes room for {@code bytes} more; false, taking nothing, when all streams together would hold too much. */
    boolean reserve(int bytes) {
        if (used.addAndGet(bytes) <= total) {
            return true;
        }
        used.addAndGet(-bytes);
        return false;
    }

    void release(int bytes) {
        used.addAndGet(-bytes);
    }

    /** Bytes held by all streams now. */
    long used() {
        return used.get();
    }
}
