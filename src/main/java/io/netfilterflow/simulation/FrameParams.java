package io.netfilterflow.simulation;

import io.netfilterflow.host.NetDevice;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.netfilter.bridge.EbtTargetParam;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.PktType;

/** The frame at one ebtables hook as its targets act on it: MAC addresses, mark and packet type. */
final class FrameParams extends ActionParams implements EbtTargetParam {

    private final boolean brouting;

    FrameParams(SimContext sim, Skb skb, NfHook hook, boolean brouting, String in, String out, String bridgeIn,
                String bridgeOut) {
        super(sim, skb, hook, in, out, bridgeIn, bridgeOut);
        this.brouting = brouting;
    }

    @Override
    public void setDestination(MacAddress mac) {
        skb.packet = skb.packet.withEthernet(skb.packet.ethSrc(), mac);
    }

    @Override
    public void setSource(MacAddress mac) {
        skb.packet = skb.packet.withEthernet(mac, skb.packet.ethDst());
    }

    @Override
    public void setPktType(PktType type) {
        skb.pktType = type;
    }

    @Override
    public boolean brouting() {
        return brouting;
    }

    @Override
    public MacAddress macOf(String device) {
        NetDevice dev = device == null ? null : sim.host.device(device);
        return dev == null ? null : dev.mac();
    }
}
