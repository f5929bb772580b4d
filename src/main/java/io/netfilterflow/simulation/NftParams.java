package io.netfilterflow.simulation;

import io.netfilterflow.host.NetDevice;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.nft.expr.NftPktInfo;
import io.netfilterflow.routing.FibFlow;
import io.netfilterflow.routing.Route;
import io.netfilterflow.routing.RouteType;

/** The view of one packet that a native chain's expressions load from and act on ({@code struct nft_pktinfo}). */
final class NftParams extends ActionParams implements NftPktInfo {

    private final boolean bridgeFamily;

    NftParams(SimContext sim, Skb skb, NfHook hook, String in, String out, String bridgeIn, String bridgeOut,
              boolean bridgeFamily) {
        super(sim, skb, hook, in, out, bridgeIn, bridgeOut);
        this.bridgeFamily = bridgeFamily;
    }

    @Override
    public boolean bridgeFamily() {
        return bridgeFamily;
    }

    @Override
    public String routeBackDevice() {
        Ipv4Address source = skb.packet.src();
        if (sim.host.fib().isLocal(source)) {
            NetDevice device = in() == null ? null : sim.host.device(in());
            return device != null && device.isLoopback() ? in() : null;
        }
        Route back = sim.host.fib().route(new FibFlow(source, skb.packet.dst(), "lo", 0)).route();
        if (back == null || back.type() != RouteType.UNICAST) {
            return null;
        }
        return back.device() == null ? in() : back.device();
    }

    @Override
    public void setCtMark(long mark) {
        if (skb.ct != null) {
            skb.ct.setMark(mark);
        }
    }
}
