package io.netfilterflow.simulation;

import io.netfilterflow.packet.Packet;
import java.util.Objects;

/**
 * A packet as its sender puts it on the wire: {@code from} is the endpoint's name, or null for the
 * host; {@code cause} is the flow it answers (null for a scenario packet); {@code uid}/{@code gid}
 * are the sending process's, when it is one.
 */
public record Transmission(int flow, String from, Integer cause, Packet packet, Long uid, Long gid) {

    public Transmission {
        Objects.requireNonNull(packet, "packet");
    }

    public boolean fromHost() {
        return from == null;
    }
}
