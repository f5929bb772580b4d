package io.netfilterflow.scenario;

import io.netfilterflow.host.Host;
import java.util.List;

/**
 * A scenario (README.md, "The scenario format") read and checked: the host with its rules loaded, and the
 * packets to send. {@code seed} fixes the draws of {@code statistic --mode random}.
 */
public record Scenario(String title, String notes, Host host, List<PacketSpec> packets, long seed) {

    public Scenario {
        packets = List.copyOf(packets);
    }
}
