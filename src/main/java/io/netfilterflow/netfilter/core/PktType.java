package io.netfilterflow.netfilter.core;

import io.netfilterflow.problem.InvalidValue;
import java.util.Locale;

/** The link-layer packet class ({@code skb->pkt_type}) the pkttype matches test. */
public enum PktType {
    HOST("unicast"), BROADCAST("broadcast"), MULTICAST("multicast"), OTHERHOST("otherhost"),
    OUTGOING("outgoing"), LOOPBACK("loopback");

    private final String iptablesName;

    PktType(String iptablesName) {
        this.iptablesName = iptablesName;
    }

    /** The name libxt_pkttype prints ({@code unicast} for {@code PACKET_HOST}). */
    public String iptablesName() {
        return iptablesName;
    }

    /** The name ebtables prints ({@code host} for {@code PACKET_HOST}). */
    public String ebtablesName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PktType parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (PktType type : values()) {
            if (type.iptablesName.equals(lower) || type.ebtablesName().equals(lower)) {
                return type;
            }
        }
        throw new InvalidValue("rules.unknown-packet-type", text);
    }
}
