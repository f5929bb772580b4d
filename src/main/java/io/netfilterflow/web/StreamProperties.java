package io.netfilterflow.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How far a hop stream's client may fall behind ({@code netfilter-flow.web.*}). A stream's events are
 * produced as fast as the simulator runs; those the socket has not taken yet wait in the stream's buffer.
 *
 * @param maxStreamBufferBytes most bytes of one stream waiting for its socket; when a client is further
 *        behind, its simulation waits for it
 * @param maxStreamBuffersBytes most bytes waiting in all streams together, so that many slow clients
 *        cannot exhaust the heap; by default a quarter of the largest heap; beyond them a stream is dropped
 * @param maxWaitingStreams most simulations waiting for their clients at once (each holds a thread);
 *        beyond them a stream more than its buffer behind is dropped
 * @param simulationThreads threads that run the streams' simulations, apart from the container's
 * @param writerThreads threads that frame and write the streams' later hops; by default half the processors,
 *        so that new streams' first hops never wait behind older streams' later ones
 * @param writeTimeout how long a stream's socket may take nothing before the stream is dropped (its buffer
 *        released, its simulation stopped)
 */
@ConfigurationProperties("netfilter-flow.web")
public record StreamProperties(Integer maxStreamBufferBytes, Long maxStreamBuffersBytes, Integer maxWaitingStreams,
                               Integer simulationThreads, Integer writerThreads, Duration writeTimeout) {

    public StreamProperties {
        maxStreamBufferBytes = maxStreamBufferBytes == null ? 2 << 20 : maxStreamBufferBytes;
        maxStreamBuffersBytes = maxStreamBuffersBytes == null ? Runtime.getRuntime().maxMemory() / 4
                : maxStreamBuffersBytes;
        maxWaitingStreams = maxWaitingStreams == null ? 32 : maxWaitingStreams;
        simulationThreads = simulationThreads == null ? 200 : simulationThreads;
        writerThreads = writerThreads == null ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2)
                : writerThreads;
        writeTimeout = writeTimeout == null ? Duration.ofSeconds(10) : writeTimeout;
    }
}
