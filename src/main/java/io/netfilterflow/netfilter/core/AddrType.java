package io.netfilterflow.netfilter.core;

/** Route types ({@code RTN_*}) the addrtype match tests, in the order it prints them. */
public enum AddrType {
    UNSPEC, UNICAST, LOCAL, BROADCAST, ANYCAST, MULTICAST, BLACKHOLE, UNREACHABLE, PROHIBIT, THROW, NAT, XRESOLVE
}
