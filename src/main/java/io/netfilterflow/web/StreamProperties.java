package io.netfilterflow.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How far a hop stream may fall behind its client ({@code netfilter-flow.web.*}). A stream's events are
 * produced as fast as the simulator runs; those the socket has not taken yet wait in the stream's buffer.
 *
 * @param maxStreamBufferBytes most bytes of one stream waiting for its socket; a client further behind is
 *        dropped (its buffer released, its simulation stopped)
 * @param maxStreamBuffersBytes most bytes waiting in all streams together, so that many slow clients
 *        cannot exhaust the heap; by default a quarter of the largest heap
 * @param writeTimeout how long a stream's socket may take nothing before the stream is dropped
 */
@ConfigurationProperties("netfilter-flow.web")
public record StreamProperties(Integer maxStreamBufferBytes, Long maxStreamBuffersBytes, Duration writeTimeout) {

    public StreamProperties {
        maxStreamBufferBytes = maxStreamBufferBytes == null ? 2 << 20 : maxStreamBufferBytes;
        maxStreamBuffersBytes = maxStreamBuffersBytes == null ? Runtime.getRuntime().maxMemory() / 4
                : maxStreamBuffersBytes;
        writeTimeout = writeTimeout == null ? Duration.ofSeconds(10) : writeTimeout;
    }
}
