package io.netfilterflow.web;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The events one stream's socket has not taken yet, and the bytes they hold, counted against the stream's
 * own buffer and against what all streams together may hold.
 */
final class EventQueue {

    private final Queue<Events> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final StreamBuffers buffers;
    /** The producer waiting for the socket to take something, if one is. */
    private volatile Thread producer;

    EventQueue(StreamBuffers buffers) {
        this.buffers = buffers;
    }

    /** Queues the events; false, queueing nothing, when all streams together would hold too much. */
    boolean add(Events events) {
        if (!buffers.reserve(events.size())) {
            return false;
        }
        queue.add(events);
        bytes.addAndGet(events.size());
        return true;
    }

    /** The next events for the socket, no longer counted; null when none wait. */
    Events poll() {
        Events events = queue.poll();
        if (events != null) {
            taken(events.size());
        }
        return events;
    }

    /** Throws away what waits, releasing its bytes. */
    void clear() {
        for (Events events = queue.poll(); events != null; events = queue.poll()) {
            taken(events.size());
        }
    }

    /** Bytes waiting. */
    long bytes() {
        return bytes.get();
    }

    /** Whether more waits than one stream may hold. */
    boolean full() {
        return bytes.get() > buffers.perStream();
    }

    /** The producer waits a while for the socket to take something ({@link #wakeProducer} ends the wait early). */
    void awaitTaking() {
        producer = Thread.currentThread();
        LockSupport.parkNanos(this, 50_000_000L);
        producer = null;
    }

    /** The socket took something: a producer waiting for room may go on. */
    void wakeProducer() {
        Thread waiting = producer;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    private void taken(int size) {
        bytes.addAndGet(-size);
        buffers.release(size);
    }
}
