package io.netfilterflow.scenario;

import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.net.Ipv4Address;

/**
 * One packet the scenario sends: from a peer or {@code host}, addresses and ports (a null source
 * means the sender's own address and an ephemeral port), TCP flags or ICMP type, whether the
 * receiver answers, and for the host's own packets the sending process's uid and gid.
 */
public record PacketSpec(String from, IpProtocol proto, Ipv4Address src, Integer sport, Ipv4Address dst,
                         Integer dport, int tcpFlags, int icmpType, int icmpCode, boolean reply, Integer length,
                         long uid, long gid) {
}
