package io.netfilterflow.netfilter.conntrack;

import java.util.EnumSet;
import java.util.Set;

/**
 * One tracked connection ({@code struct nf_conn}): both tuples, status bits, the connection mark and
 * the TCP state. It lives in the conntrack table once confirmed; before that it rides on its first packet.
 */
public final class Conntrack {

    /** Status bits ({@code enum ip_conntrack_status}) the simulator uses. */
    public enum Status { CONFIRMED, SEEN_REPLY, ASSURED, SRC_NAT, DST_NAT, SRC_NAT_DONE, DST_NAT_DONE }

    private final int id;
    private final Tuple original;
    private Tuple reply;
    private final Set<Status> status = EnumSet.noneOf(Status.class);
    private long mark;
    private TcpState tcpState = TcpState.NONE;

    Conntrack(int id, Tuple original) {
        this.id = id;
        this.original = original;
        this.reply = original.invert();
    }

    public int id() {
        return id;
    }

    public Tuple original() {
        return original;
    }

    public Tuple reply() {
        return reply;
    }

    /** {@code ct->tuplehash[dir].tuple}: 0 original, 1 reply. */
    public Tuple tuple(boolean replyDirection) {
        return replyDirection ? reply : original;
    }

    /** {@code nf_nat_setup_info} rewrites the reply tuple; only NAT calls this. */
    public void setReply(Tuple tuple) {
        this.reply = tuple;
    }

    public boolean has(Status bit) {
        return status.contains(bit);
    }

    public void set(Status bit) {
        status.add(bit);
    }

    public long mark() {
        return mark;
    }

    public void setMark(long mark) {
        this.mark = mark;
    }

    public TcpState tcpState() {
        return tcpState;
    }

    void setTcpState(TcpState state) {
        this.tcpState = state;
    }
}
