package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.net.EtherType;

/**
 * What {@code -p} selects: an ethertype, or {@code Length} for 802.3 frames whose type field is a
 * length (below 0x0600, {@code EBT_802_3}).
 */
public record EbtProtocol(EtherType etherType, boolean length) {

    public static final EbtProtocol LENGTH = new EbtProtocol(null, true);

    public static EbtProtocol parse(String text) {
        if (text.equalsIgnoreCase("Length")) {
            return LENGTH;
        }
        return new EbtProtocol(EtherType.parse(text), false);
    }

    public boolean matches(int frameType) {
        return length ? frameType < 0x0600 : frameType == etherType.number();
    }

    @Override
    public String toString() {
        return length ? "Length" : etherType.toString();
    }
}
