package io.netfilterflow.verify;

import java.util.List;

/** Records what the kernel reports while packets are replayed, as conformance lines. */
interface KernelRecorder extends AutoCloseable {

    /** Begins recording; returns once events are being captured. */
    void start();

    /**
     * Waits until the kernel has finished with what was just sent. When a program answers it (a UDP
     * listener), the answer waits for that program to be scheduled, so the wait is longer.
     */
    void settle(boolean programAnswers);

    /** What was recorded, in the kernel's order. */
    List<String> lines();

    @Override
    void close();
}
