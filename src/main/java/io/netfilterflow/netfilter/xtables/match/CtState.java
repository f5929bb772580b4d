package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.conntrack.CtInfo;

/**
 * The states {@code --ctstate}/{@code --state} test, in the order libxt_conntrack prints them.
 * SNAT and DNAT are the conntrack match's "the connection is NATed" pseudo-states.
 */
public enum CtState {
    INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED, SNAT, DNAT;

    /** The state of a packet with this ctinfo; null ctinfo is a packet without a connection. */
    public static CtState of(CtInfo info) {
        if (info == null) {
            return INVALID;
        }
        return switch (info) {
            case NEW -> NEW;
            case ESTABLISHED, ESTABLISHED_REPLY -> ESTABLISHED;
            case RELATED, RELATED_REPLY -> RELATED;
            case UNTRACKED -> UNTRACKED;
        };
    }
}
