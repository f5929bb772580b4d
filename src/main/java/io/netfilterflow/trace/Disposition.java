package io.netfilterflow.trace;

/** How a packet's path ended. */
public enum Disposition {
    DELIVERED, TRANSMITTED, DROPPED, REJECTED, QUEUED, UNROUTABLE
}
