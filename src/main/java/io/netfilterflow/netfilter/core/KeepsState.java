package io.netfilterflow.netfilter.core;

/**
 * A rule's part that keeps state of its own across packets (a limit's bucket, an nth counter), as the kernel keeps
 * it in the rule's match info: two equal ones on two lines are still two. Such a value is never shared between
 * rules ({@code SharedValues}).
 */
public interface KeepsState {
}
