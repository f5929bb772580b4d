package io.netfilterflow.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and timings of the simulation API ({@code netfilter-flow.web.*}).
 *
 * @param maxScenarioBytes largest scenario body accepted; larger ones get 413
 * @param maxRules most iptables and ebtables rules in one scenario; more get 400
 * @param maxPackets most packets one scenario sends (answers not counted); more get 400
 * @param streamTimeout how long a stream may stay open before the server ends it
 * @param heartbeat how often an open stream gets a comment line, so proxies keep it open
 */
@ConfigurationProperties("netfilter-flow.web")
public record WebProperties(Integer maxScenarioBytes, Integer maxRules, Integer maxPackets, Duration streamTimeout, Duration heartbeat) {

    public WebProperties {
        maxScenarioBytes = maxScenarioBytes == null ? 1 << 20 : maxScenarioBytes;
        maxRules = maxRules == null ? 20_000 : maxRules;
        maxPackets = maxPackets == null ? 200 : maxPackets;
        streamTimeout = streamTimeout == null ? Duration.ofSeconds(60) : streamTimeout;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
    }
}
