package io.netfilterflow.web;

/** Where a hop stream's events go, whole events at a time, in order. */
interface EventSink {

    /**
     * Queues whole events for the client, written at once when {@code now} (the first hop) and else by the
     * stream writers; false once the client is gone or the stream was dropped.
     */
    boolean send(Events events, boolean now);

    /** Whether events are still wanted: false once the client is gone or the stream was dropped. */
    boolean open();

    /** Everything is sent: end the response once the client has it. */
    void complete();

    /** Ends the stream now, without what is still queued. */
    void abort();
}
