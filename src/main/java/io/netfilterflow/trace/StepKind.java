package io.netfilterflow.trace;

/** What happened at one step of a packet's path. */
public enum StepKind {
    /** The packet enters the host: a frame on an interface, or a local process sends it. */
    RECEIVED,
    /** A base chain of a table starts to look at the packet. */
    CHAIN,
    /** A rule matched; its verdict says what happens next. */
    RULE,
    /** A base chain ended on its policy. */
    POLICY,
    CONNTRACK,
    NAT,
    ROUTING,
    BRIDGING,
    DELIVERED,
    TRANSMITTED,
    DROPPED,
    QUEUED
}
