package io.netfilterflow.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and timings of the simulation API ({@code netfilter-flow.web.*}).
 *
 * @param maxScenarioBytes largest scenario body accepted; larger ones get 413
 * @param streamTimeout how long a stream may stay open before the server ends it
 * @param heartbeat how often an open stream gets a comment line, so proxies keep it open
 * @param simulationThreads threads that run simulations for streams
 * @param queuedStreams streams that may wait for a thread; beyond them a stream gets a 503 error event
 */
@ConfigurationProperties("netfilter-flow.web")
public record WebProperties(Integer maxScenarioBytes, Duration streamTimeout, Duration heartbeat,
                            Integer simulationThreads, Integer queuedStreams) {

    public WebProperties {
        maxScenarioBytes = maxScenarioBytes == null ? 1 << 20 : maxScenarioBytes;
        streamTimeout = streamTimeout == null ? Duration.ofSeconds(60) : streamTimeout;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        simulationThreads = simulationThreads == null ? Runtime.getRuntime().availableProcessors() : simulationThreads;
        queuedStreams = queuedStreams == null ? 10_000 : queuedStreams;
    }
}
