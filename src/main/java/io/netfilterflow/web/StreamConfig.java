package io.netfilterflow.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The threads behind streams: a pool that writes them, one scheduler thread for heartbeats. */
@Configuration
@EnableConfigurationProperties(WebProperties.class)
class StreamConfig implements WebMvcConfigurer {

    private final WebProperties properties;

    StreamConfig(WebProperties properties) {
        this.properties = properties;
    }

    /** Writes streams' later batches; a full queue makes the stream write its own rest (HopStream). */
    @Bean
    ThreadPoolTaskExecutor streamWriters() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.writerThreads());
        executor.setMaxPoolSize(properties.writerThreads());
        executor.setQueueCapacity(properties.queuedWrites());
        executor.setThreadNamePrefix("stream-writer-");
        return executor;
    }

    @Bean
    ThreadPoolTaskScheduler heartbeatScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("heartbeat-");
        scheduler.setRemoveOnCancelPolicy(true);
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

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.addCustomConverter(new EventBatchConverter());
    }

    /** Async requests (the streams) time out as streams do. */
    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(properties.streamTimeout().toMillis());
    }
}
