package io.netfilterflow.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The threads behind streams: a pool runs their simulations, a few frame and write their later hops, none
 * waits on a socket (they are written without blocking, see {@link SseWriter}), one sweeps the open streams
 * for heartbeats and write timeouts.
 */
@Configuration
@EnableConfigurationProperties({WebProperties.class, StreamProperties.class})
class StreamConfig {

    /**
     * Runs the streams' simulations, apart from the container's threads: a simulation that waits for a slow
     * client, or fails, never holds or harms a thread that serves requests.
     */
    @Bean
    ThreadPoolTaskExecutor streamSimulations(StreamProperties limits) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(limits.simulationThreads());
        executor.setMaxPoolSize(limits.simulationThreads());
        executor.setQueueCapacity(16_384);
        executor.setThreadNamePrefix("stream-sim-");
        return executor;
    }

    /** Frames and writes streams' later hops; a full queue makes the caller write (SseWriter). */
    @Bean
    ThreadPoolTaskExecutor streamWriters(StreamProperties limits) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(limits.writerThreads());
        executor.setMaxPoolSize(limits.writerThreads());
        executor.setQueueCapacity(100_000);
        executor.setThreadNamePrefix("stream-writer-");
        return executor;
    }

    @Bean
    ThreadPoolTaskScheduler streamSweeper() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("stream-sweep-");
        return scheduler;
    }

    /**
     * Tomcat keeps the per-connection objects of a whole burst of streams for the next one instead of
     * allocating them again: a burst's garbage is what its young collections cost.
     */
    @Bean
    TomcatConnectorCustomizer connectionCaches() {
        return connector -> {
            connector.setProperty("socket.bufferPool", "4096");
            connector.setProperty("socket.processorCache", "4096");
        };
    }
}
