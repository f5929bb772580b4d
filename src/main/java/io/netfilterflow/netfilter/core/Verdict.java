package io.netfilterflow.netfilter.core;

/** What a hook function returns ({@code NF_ACCEPT}, {@code NF_DROP}, {@code NF_STOLEN}, {@code NF_QUEUE}, {@code NF_STOP}). */
public enum Verdict {
    ACCEPT, DROP, STOLEN, QUEUE, STOP
}
