package io.netfilterflow.web;

/**
 * Whole server-sent events waiting for a socket, rendered to bytes only when the socket takes them: a stream's
 * later hops are framed by the stream writers, so that new streams' first hops never wait behind them.
 */
interface Events {

    /** Bytes these events take on the wire, or an estimate of them before they are rendered. */
    int size();

    /** The events' bytes; called once, by the thread that writes them. */
    byte[] render();

    /** Events already rendered. */
    static Events of(byte[] bytes) {
        return new Events() {
            @Override
            public int size() {
                return bytes.length;
            }

            @Override
            public byte[] render() {
                return bytes;
            }
        };
    }
}
