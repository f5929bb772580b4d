package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.netfilter.nat.NatManip;
import io.netfilterflow.trace.Reason;

/**
 * What a target may do to the packet it is given ({@code xt_action_param} as {@code xt_target->target} sees
 * it): change its mark, detach it from conntrack, bind its connection's NAT, or answer it.
 */
public interface XtTargetParam extends XtActionParam {

    void setMark(long mark);

    /** {@code NOTRACK}, {@code CT --notrack}: the packet is UNTRACKED from here. */
    void untrack();

    /**
     * {@code nf_send_reset} ({@code tcpReset}) or {@code nf_send_unreach} with this ICMP type and code: sends
     * the answer the kernel would, and says what was sent or why nothing was.
     */
    Reason reject(boolean tcpReset, int icmpType, int icmpCode);

    /** {@code inet_select_addr}: the address {@code device} would send from towards the packet's next hop. */
    Ipv4Address sourceAddress(String device);

    /** The first address of {@code device} ({@code nf_nat_redirect_ipv4}'s choice), or null. */
    Ipv4Address firstAddress(String device);

    /** {@code nf_nat_setup_info}: the connection's mapping for this end; {@code port} -1 keeps the port. */
    void bindNat(NatManip manip, Ipv4Address address, int port);
}
