package io.netfilterflow.web;

import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that run streams. Starting a stream (its simulation and first hop) always goes before
 * writing the rest of a stream already started, so a burst of clients all see their first hop early;
 * within each kind, first come first served. At most {@code waitingStarts} streams may wait to start.
 */
final class StreamPool implements AutoCloseable {

    private final ThreadPoolExecutor threads;
    private final AtomicLong order = new AtomicLong();
    private final AtomicInteger waitingStarts = new AtomicInteger();
    private final int maxWaitingStarts;

    StreamPool(int threadCount, int maxWaitingStarts) {
        this.maxWaitingStarts = maxWaitingStarts;
        AtomicInteger names = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.SECONDS,
                new PriorityBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, "stream-" + names.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Runs a stream's start; refuses when too many starts are already waiting. */
    void start(Runnable work) {
        if (waitingStarts.incrementAndGet() > maxWaitingStarts) {
            waitingStarts.decrementAndGet();
            throw new RejectedExecutionException("too many streams waiting to start");
        }
        threads.execute(new Job(0, order.incrementAndGet(), () -> {
            waitingStarts.decrementAndGet();
            work.run();
        }));
    }

    /** Runs more of a started stream, after every waiting start. */
    void more(Runnable work) {
        threads.execute(new Job(1, order.incrementAndGet(), work));
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private record Job(int rank, long order, Runnable work) implements Runnable, Comparable<Job> {

        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Job other) {
            return rank != other.rank ? Integer.compare(rank, other.rank) : Long.compare(order, other.order);
        }
    }
}
