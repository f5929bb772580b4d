package io.netfilterflow.live;

/**
 * Carries {@link LiveMessage}s to every server of a deployment, the sender too. Sent inside a transaction, a
 * message leaves when the transaction commits, so servers never hear of a state the database does not hold,
 * and they hear a session's states in the order they were stored.
 */
interface LiveBus {

    void publish(LiveMessage message);

    /** The one listener (this server's hub); called once, before any message is published. */
    void subscribe(Listener listener);

    interface Listener {

        void deliver(LiveMessage message);

        /** Messages may have been missed (the bus lost its connection): read the sessions followed here again. */
        void resync();
    }
}
