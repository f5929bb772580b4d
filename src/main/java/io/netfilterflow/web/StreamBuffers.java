package io.netfilterflow.web;

import java.util.concurrent.atomic.AtomicLong;

/** The bytes all streams hold for their sockets, against {@link StreamProperties#maxStreamBuffersBytes}. */
final class StreamBuffers {

    private final int perStream;
    private final long total;
    private final AtomicLong used = new AtomicLong();

    StreamBuffers(StreamProperties properties) {
        this.perStream = properties.maxStreamBufferBytes();
        this.total = properties.maxStreamBuffersBytes();
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
