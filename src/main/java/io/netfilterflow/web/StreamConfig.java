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
        return fixedPool(limits.simulationThreads(), 16_384, "stream-sim-");
    }

    /** Frames and writes streams' later hops; a full queue makes the caller write (SseWriter). */
    @Bean
    ThreadPoolTaskExecutor streamWriters(StreamProperties limits) {
        return fixedPool(limits.writerThreads(), 100_000, "stream-writer-");
    }

    private static ThreadPoolTaskExecutor fixedPool(int threads, int queue, String name) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queue);
        executor.setThreadNamePrefix(name);
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
