package io.netfilterflow.netfilter.xtables.match;

/**
 * The states {@code --ctstate}/{@code --state} test, in the order libxt_conntrack prints them.
 * SNAT and DNAT are the conntrack match's "the connection is NATed" pseudo-states.
 */
public enum CtState {
    INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED, SNAT, DNAT
}
