package io.netfilterflow.simulation;

import io.netfilterflow.host.NetDevice;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.netfilter.bridge.EbtActionParam;
import io.netfilterflow.netfilter.conntrack.Conntrack;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.netfilter.core.AddrType;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.PktType;
import io.netfilterflow.netfilter.nat.NatManip;
import io.netfilterflow.netfilter.nat.NfNat;
import io.netfilterflow.netfilter.xtables.RuleState;
import io.netfilterflow.netfilter.xtables.XtTargetParam;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.routing.FibFlow;
import io.netfilterflow.routing.Route;
import io.netfilterflow.routing.RouteType;
import io.netfilterflow.trace.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The view of one packet at one hook that matches evaluate and targets act on ({@code xt_action_param}),
 * and what they noted.
 */
class ActionParams implements XtTargetParam, EbtActionParam {

    final SimContext sim;
    final Skb skb;
    private final NfHook hook;
    private final String in;
    private final String out;
    private final String bridgeIn;
    private final String bridgeOut;
    /** What the matches and targets add to the step; allocated only when one does. */
    private List<Reason> notes = List.of();

    ActionParams(SimContext sim, Skb skb, NfHook hook, String in, String out, String bridgeIn, String bridgeOut) {
        this.sim = sim;
        this.skb = skb;
        this.hook = hook;
        this.in = in;
        this.out = out;
        this.bridgeIn = bridgeIn;
        this.bridgeOut = bridgeOut;
    }

    @Override
    public Packet packet() {
        return skb.packet;
    }

    @Override
    public Packet frame() {
        return skb.packet;
    }

    @Override
    public NfHook hook() {
        return hook;
    }

    @Override
    public String in() {
        return in;
    }

    @Override
    public String out() {
        return out;
    }

    @Override
    public String logicalIn() {
        return bridgeIn;
    }

    @Override
    public String logicalOut() {
        return bridgeOut;
    }

    @Override
    public long mark() {
        return skb.mark;
    }

    @Override
    public Conntrack ct() {
        return skb.ct;
    }

    @Override
    public CtInfo ctInfo() {
        return skb.ctInfo;
    }

    /** {@code __inet_dev_addr_type}: multicast, broadcast, else what the local table says. */
    @Override
    public AddrType addressType(Ipv4Address address, String device) {
        if (address.isMulticast()) {
            return AddrType.MULTICAST;
        }
        if (address.isLimitedBroadcast() || (address.bits() & 0xff000000) == 0) {
            return AddrType.BROADCAST;
        }
        Route local = sim.host.fib().lookupLocal(address);
        if (local != null && (device == null || device.equals(local.device()))) {
            return local.type() == RouteType.LOCAL ? AddrType.LOCAL : AddrType.BROADCAST;
        }
        return AddrType.UNICAST;
    }

    @Override
    public boolean inSet(String set, Ipv4Address address) {
        List<Ipv4Prefix> members = sim.host.ipset(set);
        return members != null && members.stream().anyMatch(prefix -> prefix.contains(address));
    }

    @Override
    public String physIn() {
        return skb.physIn;
    }

    @Override
    public String physOut() {
        return skb.physOut;
    }

    @Override
    public boolean bridged() {
        return skb.nfBridge;
    }

    @Override
    public MacAddress sourceMac() {
        return skb.packet.ethSrc();
    }

    @Override
    public PktType pktType() {
        return skb.pktType;
    }

    @Override
    public Long uid() {
        return skb.uid;
    }

    @Override
    public Long gid() {
        return skb.gid;
    }

    /** {@code rpfilter_mt}: the route back to the source must leave through the input device (or any, loose). */
    @Override
    public boolean reversePathValid(boolean loose, boolean acceptLocal) {
        Ipv4Address source = skb.packet.src();
        if (sim.host.fib().isLocal(source)) {
            NetDevice device = in == null ? null : sim.host.device(in);
            return acceptLocal || (device != null && device.isLoopback());
        }
        Route back = sim.host.fib().route(new FibFlow(source, skb.packet.dst(), "lo", 0)).route();
        if (back == null || back.type() != RouteType.UNICAST) {
            return false;
        }
        return loose || back.device() == null || back.device().equals(in);
    }

    @Override
    public <T> T state(RuleState<T> key) {
        return sim.state(key);
    }

    @Override
    public double random() {
        return sim.random();
    }

    @Override
    public void setMark(long mark) {
        skb.mark = mark;
    }

    @Override
    public void untrack() {
        skb.ct = null;
        skb.ctInfo = CtInfo.UNTRACKED;
        skb.ctDone = true;
    }

    @Override
    public Reason reject(boolean tcpReset, int icmpType, int icmpCode) {
        return new Rejects(sim).reject(tcpReset, icmpType, icmpCode, skb);
    }

    @Override
    public Ipv4Address sourceAddress(String device) {
        NetDevice dev = sim.host.device(device);
        Ipv4Address nextHop = skb.route == null ? skb.packet.dst() : skb.route.nextHop(skb.packet.dst());
        return dev == null ? null : dev.selectAddress(nextHop);
    }

    @Override
    public Ipv4Address firstAddress(String device) {
        NetDevice dev = sim.host.device(device);
        return dev == null || dev.addresses().isEmpty() ? null : dev.addresses().get(0).address();
    }

    @Override
    public void bindNat(NatManip manip, Ipv4Address address, int port) {
        NfNat.setup(skb.ct, manip, address, port);
    }

    /** What the matches and targets noted, in order. */
    List<Reason> notes() {
        return notes;
    }

    @Override
    public void note(Reason note) {
        if (notes.isEmpty()) {
            notes = new ArrayList<>();
        }
        notes.add(note);
    }
}
