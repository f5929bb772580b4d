package io.netfilterflow.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    /** Async requests (the streams) time out as streams do. */
    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(properties.streamTimeout().toMillis());
    }
}
