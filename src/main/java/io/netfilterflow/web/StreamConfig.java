package io.netfilterflow.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The threads behind streams: none writes them (the sockets are written without blocking, see
 * {@link SseWriter}); one sweeps the open streams for heartbeats and write timeouts.
 */
@Configuration
@EnableConfigurationProperties({WebProperties.class, StreamProperties.class})
class StreamConfig {

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
