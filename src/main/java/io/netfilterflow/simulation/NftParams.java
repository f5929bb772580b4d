package io.netfilterflow.simulation;

import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.nft.expr.NftPktInfo;

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
    public void setCtMark(long mark) {
        if (skb.ct != null) {
            skb.ct.setMark(mark);
        }
    }
}
