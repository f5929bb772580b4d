package io.netfilterflow.problem;

/** An exception that refuses input with a {@link Problem}: its message is the problem in English. */
public interface Refusal {

    Problem problem();
}
