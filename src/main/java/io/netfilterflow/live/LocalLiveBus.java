package io.netfilterflow.live;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** One server alone (the embedded H2): a message goes straight to this server's hub, once its transaction commits. */
final class LocalLiveBus implements LiveBus {

    private volatile Listener listener;

    @Override
    public void publish(LiveMessage message) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    listener.deliver(message);
                }
            });
        } else {
            listener.deliver(message);
        }
    }

    @Override
    public void subscribe(Listener listener) {
        this.listener = listener;
    }
}
