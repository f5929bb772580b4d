package io.netfilterflow.netfilter.conntrack;

/** The TCP connection states conntrack follows ({@code enum tcp_conntrack}), as far as flags decide them. */
public enum TcpState {
    NONE, SYN_SENT, SYN_RECV, ESTABLISHED, FIN_WAIT, CLOSE_WAIT, LAST_ACK, TIME_WAIT, CLOSE;

    /** Whether a new SYN in the original direction replaces the connection ({@code tcp_packet}'s reopen). */
    public boolean isClosed() {
        return this == CLOSE || this == TIME_WAIT;
    }
}
